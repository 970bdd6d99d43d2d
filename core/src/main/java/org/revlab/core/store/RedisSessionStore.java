package org.revlab.core.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.revlab.core.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session store on Redis, through one multiplexed Lettuce connection. A session is a hash
 * under {@code <prefix>s:<sid>}, a user's session ids a set under {@code <prefix>u:<user>}, and
 * the user's revocation epoch a counter under {@code <prefix>e:<user>}, where the prefix is the
 * store's {@link StoreNamespace}. Every method is one round trip, counted as one hit: a single
 * command or one Lua script, which Redis runs atomically.
 *
 * <p>Session keys expire in Redis time once the session's lifetime plus {@link #RETENTION} has
 * passed since it was written, so Redis does not grow without bound. The lifetime is taken from
 * the session record, not from the caller's clock, because tests and the simulator run on a
 * virtual clock that Redis does not share. Epoch counters never expire: a token issued before a
 * revoke must stay stale however long it lives, and there is one small counter per user.
 */
public final class RedisSessionStore implements SessionStore {

    /**
     * How long a session's record outlives its end, so that a late request is answered
     * "expired" or "revoked", as on the SQL stores, rather than "unknown session".
     */
    public static final Duration RETENTION = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    // Shared by every Redis store in the JVM: each client would otherwise start its own event
    // loop threads, and tests open many stores.
    private static ClientResources sharedResources;

    // KEYS: session, user set. ARGV: user, device, created, seen, expires, keep ms, sid.
    private static final String CREATE = String.join("\n",
            "if redis.call('EXISTS', KEYS[1]) == 1 then",
            "  return redis.error_reply('ERR duplicate session id ' .. ARGV[7])",
            "end",
            "redis.call('HSET', KEYS[1], 'user', ARGV[1], 'device', ARGV[2],",
            "    'created', ARGV[3], 'seen', ARGV[4], 'expires', ARGV[5])",
            "redis.call('PEXPIRE', KEYS[1], ARGV[6])",
            "redis.call('SADD', KEYS[2], ARGV[7])",
            "if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[6]) then",
            "  redis.call('PEXPIRE', KEYS[2], ARGV[6])",
            "end",
            "return 1");

    // KEYS: session. ARGV: now.
    private static final String TOUCH = String.join("\n",
            "local v = redis.call('HMGET', KEYS[1], 'expires', 'revoked')",
            "if v[1] and not v[2] and tonumber(v[1]) > tonumber(ARGV[1]) then",
            "  redis.call('HSET', KEYS[1], 'seen', ARGV[1])",
            "  return 1",
            "end",
            "return 0");

    // KEYS: session. ARGV: user, now.
    private static final String REVOKE_ONE = String.join("\n",
            "local v = redis.call('HMGET', KEYS[1], 'user', 'expires', 'revoked')",
            "if v[1] == ARGV[1] and not v[3] and tonumber(v[2]) > tonumber(ARGV[2]) then",
            "  redis.call('HSET', KEYS[1], 'revoked', ARGV[2])",
            "  return 1",
            "end",
            "return 0");

    // KEYS: user set, epoch. ARGV: now, key prefix. The epoch moves first, as on SQL; the
    // script is atomic anyway. Ids whose session has expired out of Redis are pruned.
    private static final String REVOKE_ALL = String.join("\n",
            "local epoch = redis.call('INCR', KEYS[2])",
            "for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do",
            "  local k = ARGV[2] .. 's:' .. sid",
            "  if redis.call('EXISTS', k) == 0 then",
            "    redis.call('SREM', KEYS[1], sid)",
            "  elseif redis.call('HEXISTS', k, 'revoked') == 0 then",
            "    redis.call('HSET', k, 'revoked', ARGV[1])",
            "  end",
            "end",
            "return epoch");

    // KEYS: user set. ARGV: key prefix. One row per session still in Redis.
    private static final String LIST = String.join("\n",
            "local out = {}",
            "for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do",
            "  local v = redis.call('HMGET', ARGV[1] .. 's:' .. sid,",
            "      'user', 'device', 'created', 'seen', 'expires', 'revoked')",
            "  if v[1] then",
            "    out[#out + 1] = {sid, v[1], v[2], v[3], v[4], v[5], v[6] or ''}",
            "  end",
            "end",
            "return out");

    private final StoreSettings settings;
    private final StoreNamespace namespace;
    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Script create = new Script(CREATE);
    private final Script touch = new Script(TOUCH);
    private final Script revokeOne = new Script(REVOKE_ONE);
    private final Script revokeAll = new Script(REVOKE_ALL);
    private final Script list = new Script(LIST);
    private final LongAdder hits = new LongAdder();
    private volatile boolean closed;

    /**
     * Connects to {@code settings.url()} (a {@code redis://} URI) within
     * {@code settings.timeout()}, which also bounds every command.
     *
     * @throws StoreUnavailableException if Redis cannot be reached
     */
    public RedisSessionStore(StoreSettings settings, StoreNamespace namespace) {
        this.settings = settings;
        this.namespace = namespace;
        this.prefix = "revlab:" + namespace.name() + ":";

        RedisURI uri;
        try {
            uri = RedisURI.create(settings.url());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Store URL '" + settings.url() + "' is not a Redis"
                    + " URI; write redis://host:port or redis://host:port/database.", e);
        }
        uri.setTimeout(settings.timeout());
        // Names the connection in CLIENT LIST (and again after each reconnect).
        uri.setClientName(connectionName());
        this.client = RedisClient.create(resources(), uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                // While the connection is down, fail each command at once (the strategies
                // answer store_unavailable) instead of queueing it until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new StoreUnavailableException("Store redis: cannot connect to "
                    + uri.getHost() + ":" + uri.getPort() + " within "
                    + settings.timeout().toMillis() + " ms: " + rootMessage(e) + ".", e);
        }
        this.redis = connection.sync();
    }

    private static synchronized ClientResources resources() {
        if (sharedResources == null) {
            sharedResources = DefaultClientResources.builder().ioThreadPoolSize(2)
                    .computationThreadPoolSize(2).build();
        }
        return sharedResources;
    }

    /** The name this store's connection carries on the server ({@code CLIENT SETNAME}). */
    public String connectionName() {
        return "revlab-" + namespace.name();
    }

    /** The prefix of every key this store writes. */
    public String keyPrefix() {
        return prefix;
    }

    @Override
    public void createSession(SessionInfo s) {
        long keepMs = Duration.between(s.created(), s.expires()).plus(RETENTION).toMillis();
        call("create session", () -> create.run(ScriptOutputType.INTEGER,
                new String[] {sessionKey(s.sessionId()), userKey(s.user())},
                s.user(), s.device(), ms(s.created()), ms(s.lastSeen()), ms(s.expires()),
                Long.toString(Math.max(1, keepMs)), s.sessionId()));
    }

    @Override
    public SessionInfo findSession(String sessionId) {
        Map<String, String> h = call("find session", () -> redis.hgetall(sessionKey(sessionId)));
        if (h == null || h.isEmpty()) {
            return null;
        }
        return session(sessionId, h.get("user"), h.get("device"), h.get("created"),
                h.get("seen"), h.get("expires"), h.get("revoked"));
    }

    @Override
    public boolean touchIfLive(String sessionId, Instant now) {
        Long live = call("touch session", () -> touch.run(ScriptOutputType.INTEGER,
                new String[] {sessionKey(sessionId)}, ms(now)));
        return live == 1L;
    }

    @Override
    public long epoch(String user) {
        String value = call("read epoch", () -> redis.get(epochKey(user)));
        return value == null ? 0L : Long.parseLong(value);
    }

    /** One hit here, where the SQL stores need two: the script runs both steps in Redis. */
    @Override
    public void revokeAll(String user, Instant now) {
        call("revoke all", () -> revokeAll.run(ScriptOutputType.INTEGER,
                new String[] {userKey(user), epochKey(user)}, ms(now), prefix));
    }

    @Override
    public boolean revokeSession(String user, String sessionId, Instant now) {
        Long done = call("revoke session", () -> revokeOne.run(ScriptOutputType.INTEGER,
                new String[] {sessionKey(sessionId)}, user, ms(now)));
        return done == 1L;
    }

    @Override
    public List<SessionInfo> sessions(String user) {
        List<Object> rows = call("list sessions", () -> list.run(ScriptOutputType.MULTI,
                new String[] {userKey(user)}, prefix));
        List<SessionInfo> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            List<?> v = (List<?>) row;
            String revoked = (String) v.get(6);
            out.add(session((String) v.get(0), (String) v.get(1), (String) v.get(2),
                    (String) v.get(3), (String) v.get(4), (String) v.get(5),
                    revoked.isEmpty() ? null : revoked));
        }
        out.sort(Comparator.comparing(SessionInfo::created).reversed()
                .thenComparing(SessionInfo::sessionId));
        return out;
    }

    /** A bare {@code PING} on the store's connection; not counted as a hit. */
    @Override
    public void ping() {
        call("ping", redis::ping, false);
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (namespace.dropOnClose()) {
            try {
                dropKeys();
            } catch (RuntimeException e) {
                log.warn("RedisSessionStore: could not delete keys {}*: {}; delete them by hand",
                        prefix, e.getMessage());
            }
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    private void dropKeys() {
        KeyScanArgs match = KeyScanArgs.Builder.matches(prefix + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            if (!page.getKeys().isEmpty()) {
                redis.unlink(page.getKeys().toArray(new String[0]));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** The key of a session's hash, for baselines that read it without the store. */
    public String sessionKeyOf(String sessionId) {
        return sessionKey(sessionId);
    }

    private String sessionKey(String sessionId) {
        return prefix + "s:" + sessionId;
    }

    private String userKey(String user) {
        return prefix + "u:" + user;
    }

    private String epochKey(String user) {
        return prefix + "e:" + user;
    }

    private static String ms(Instant t) {
        return Long.toString(t.toEpochMilli());
    }

    private static SessionInfo session(String sid, String user, String device, String created,
            String seen, String expires, String revoked) {
        return new SessionInfo(sid, user, device, instant(created), instant(seen),
                instant(expires), revoked == null ? null : instant(revoked));
    }

    private static Instant instant(String epochMs) {
        return Instant.ofEpochMilli(Long.parseLong(epochMs));
    }

    private <T> T call(String what, Supplier<T> command) {
        return call(what, command, true);
    }

    private <T> T call(String what, Supplier<T> command, boolean countHit) {
        if (closed) {
            throw new StoreUnavailableException("Store redis is closed.", null);
        }
        if (countHit) {
            hits.increment();
        }
        try {
            return command.get();
        } catch (RedisException e) {
            throw new StoreUnavailableException("Store redis: " + what + " failed: "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /**
     * A Lua script sent by its SHA-1 digest. Its text goes over the wire only when Redis does
     * not know it yet (first use, or after a restart flushed the script cache); either way the
     * caller's one round trip is the one counted, since the reload is a recovery, not the
     * normal path.
     */
    private final class Script {
        private final String text;
        private volatile String sha;

        Script(String text) {
            this.text = text;
        }

        <T> T run(ScriptOutputType type, String[] keys, String... args) {
            String digest = sha;
            if (digest != null) {
                try {
                    return redis.evalsha(digest, type, keys, args);
                } catch (RedisNoScriptException e) {
                    log.debug("RedisSessionStore: script cache was flushed; sending the script");
                }
            }
            T result = redis.eval(text, type, keys, args);
            sha = digestOf(text);
            return result;
        }
    }

    private static String digestOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM.", e);
        }
    }
}
