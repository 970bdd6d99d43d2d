-- Revocation Lab session store, HSQLDB. Times are epoch milliseconds, so that every backend
-- stores them alike and no time zone is involved.
-- Multi-version concurrency, as PostgreSQL has: a reader never waits for a revoking writer.
SET DATABASE TRANSACTION CONTROL MVCC;
CREATE TABLE IF NOT EXISTS rl_session (
    sid          VARCHAR(64)  PRIMARY KEY,
    user_id      VARCHAR(128) NOT NULL,
    device       VARCHAR(128) NOT NULL,
    created_ms   BIGINT       NOT NULL,
    last_seen_ms BIGINT       NOT NULL,
    expires_ms   BIGINT       NOT NULL,
    revoked_ms   BIGINT
);
CREATE INDEX IF NOT EXISTS rl_session_user ON rl_session (user_id);
CREATE TABLE IF NOT EXISTS rl_user (
    user_id    VARCHAR(128) PRIMARY KEY,
    epoch      BIGINT       NOT NULL,
    revoked_ms BIGINT
);
