package org.revlab.core.store;

import java.util.Locale;

/**
 * The few statements that differ between the SQL databases the store runs on. Everything else
 * is plain SQL shared by all of them; each dialect names its own schema resource.
 */
enum SqlDialect {
    HSQLDB("schema-hsqldb.sql",
            "MERGE INTO rl_user u USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS BIGINT)))"
                    + " AS v(user_id, revoked_ms) ON u.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET u.epoch = u.epoch + 1,"
                    + " u.revoked_ms = v.revoked_ms"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (v.user_id, 1, v.revoked_ms)"),
    POSTGRESQL("schema-postgresql.sql",
            "INSERT INTO rl_user (user_id, epoch, revoked_ms) VALUES (?, 1, ?)"
                    + " ON CONFLICT (user_id) DO UPDATE SET epoch = rl_user.epoch + 1,"
                    + " revoked_ms = EXCLUDED.revoked_ms");

    private final String schemaResource;
    private final String bumpEpochSql;

    SqlDialect(String schemaResource, String bumpEpochSql) {
        this.schemaResource = schemaResource;
        this.bumpEpochSql = bumpEpochSql;
    }

    String schemaResource() {
        return schemaResource;
    }

    /** Moves a user's epoch forward by one, creating the user's row at 1. */
    String bumpEpochSql() {
        return bumpEpochSql;
    }

    /** Creates a schema for one store's tables unless it exists (several nodes may share it). */
    String createNamespaceSql(String schema) {
        return this == HSQLDB ? "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION DBA"
                : "CREATE SCHEMA IF NOT EXISTS " + schema;
    }

    /**
     * The schema's name as {@code Connection.setSchema} wants it: the database folds unquoted
     * names in SQL, to upper case on HSQLDB and to lower case on PostgreSQL.
     */
    String schemaNameForJdbc(String schema) {
        return this == HSQLDB ? schema.toUpperCase(Locale.ROOT) : schema;
    }

    /** Removes a store's schema with everything in it. */
    String dropNamespaceSql(String schema) {
        return "DROP SCHEMA " + schema + " CASCADE";
    }

    static SqlDialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:hsqldb:")) {
            return HSQLDB;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported JDBC URL '" + jdbcUrl
                + "'; supported: jdbc:hsqldb:… and jdbc:postgresql:….");
    }
}
