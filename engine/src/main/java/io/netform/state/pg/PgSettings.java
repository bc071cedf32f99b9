package io.netform.state.pg;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pg backend's settings, read as Terraform's pg backend reads them: the block's (or
 * {@code -backend-config}'s) values first, then {@code PG_CONN_STR}, {@code PG_SCHEMA_NAME} and
 * {@code PG_SKIP_*_CREATION}; and the connection as lib/pq makes it from {@code conn_str} (a
 * {@code postgres://} URL or {@code key=value} pairs), with libpq's {@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD}, {@code PGDATABASE}, {@code PGSSLMODE}... for what it leaves out.
 */
record PgSettings(
        String url,
        Map<String, String> connection,
        String schema,
        boolean skipSchemaCreation,
        boolean skipTableCreation,
        boolean skipIndexCreation) {

    /** lib/pq's parameters, with the environment variable each falls back to. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("host", "PGHOST"),
            Map.entry("port", "PGPORT"),
            Map.entry("dbname", "PGDATABASE"),
            Map.entry("user", "PGUSER"),
            Map.entry("password", "PGPASSWORD"),
            Map.entry("sslmode", "PGSSLMODE"),
            Map.entry("sslcert", "PGSSLCERT"),
            Map.entry("sslkey", "PGSSLKEY"),
            Map.entry("sslrootcert", "PGSSLROOTCERT"),
            Map.entry("connect_timeout", "PGCONNECT_TIMEOUT"),
            Map.entry("application_name", "PGAPPNAME"),
            Map.entry("fallback_application_name", ""));

    /** The settings of {@code config}, with {@code env} for what it leaves out. */
    static PgSettings of(Map<String, String> config, Map<String, String> env) {
        String connStr = setting(config, env, "conn_str", "PG_CONN_STR", "");
        Map<String, String> given = connStr.startsWith("postgres://") || connStr.startsWith("postgresql://")
                ? fromUrl(connStr)
                : fromPairs(connStr);
        Map<String, String> p = new LinkedHashMap<>();
        for (var e : PARAMETERS.entrySet()) {
            String v = given.containsKey(e.getKey()) ? given.get(e.getKey()) : env.get(e.getValue());
            if (v != null && !v.isEmpty()) {
                p.put(e.getKey(), v);
            }
        }
        for (String key : given.keySet()) {
            if (!PARAMETERS.containsKey(key)) {
                throw new IllegalArgumentException("The pg backend's conn_str parameter \"" + key
                        + "\" is not supported; it takes "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS.keySet()))
                        + ".");
            }
        }
        String host = p.getOrDefault("host", "localhost");
        if (host.startsWith("/")) {
            throw new IllegalArgumentException("The pg backend connects over TCP only: conn_str (or PGHOST) names the "
                    + "Unix-domain socket directory " + host + ", which is not supported; give a host name.");
        }
        String user = p.getOrDefault("user", System.getProperty("user.name"));
        String url = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + p.getOrDefault("port", "5432") + "/"
                + java.net.URLEncoder.encode(p.getOrDefault("dbname", user), StandardCharsets.UTF_8)
                        .replace("+", "%20");
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("user", user);
        if (p.containsKey("password")) {
            connection.put("password", p.get("password"));
        }
        // lib/pq's default is "require" (libpq's is "prefer"): a server without TLS needs sslmode=disable.
        connection.put("sslmode", p.getOrDefault("sslmode", "require"));
        copy(p, "sslcert", connection, "sslcert");
        copy(p, "sslkey", connection, "sslkey");
        copy(p, "sslrootcert", connection, "sslrootcert");
        copy(p, "connect_timeout", connection, "connectTimeout");
        // Named so that another session's lock error can say the holder is a Netform command.
        connection.put(
                "ApplicationName",
                p.getOrDefault("application_name", p.getOrDefault("fallback_application_name", "netform")));
        return new PgSettings(
                url,
                connection,
                setting(config, env, "schema_name", "PG_SCHEMA_NAME", "terraform_remote_state"),
                flag(config, env, "skip_schema_creation", "PG_SKIP_SCHEMA_CREATION"),
                flag(config, env, "skip_table_creation", "PG_SKIP_TABLE_CREATION"),
                flag(config, env, "skip_index_creation", "PG_SKIP_INDEX_CREATION"));
    }

    /** The JDBC driver's connection properties. */
    Properties properties() {
        Properties props = new Properties();
        props.putAll(connection);
        return props;
    }

    /** Where the states are, for messages: never the password. */
    String describe() {
        return "schema \"" + schema + "\" of " + url.substring("jdbc:".length()) + " (user " + connection.get("user")
                + ")";
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to, String as) {
        if (from.containsKey(key)) {
            to.put(as, from.get(key));
        }
    }

    private static String setting(
            Map<String, String> config, Map<String, String> env, String name, String variable, String otherwise) {
        String v = config.get(name);
        if (v == null || v.isEmpty()) {
            v = env.get(variable);
        }
        return v == null || v.isEmpty() ? otherwise : v;
    }

    private static boolean flag(Map<String, String> config, Map<String, String> env, String name, String variable) {
        String v = setting(config, env, name, variable, "false");
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw new IllegalArgumentException(
                        "The pg backend's " + name + " must be true or false, not \"" + v + "\".");
        };
    }

    private static Map<String, String> fromUrl(String connStr) {
        URI uri;
        try {
            uri = new URI(connStr);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "The pg backend's conn_str is not a valid postgres:// URL: " + e.getReason() + ".");
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            out.put("user", decode(parts[0]));
            if (parts.length > 1) {
                out.put("password", decode(parts[1]));
            }
        }
        if (uri.getHost() != null) {
            out.put("host", uri.getHost().replaceAll("^\\[|\\]$", ""));
        }
        if (uri.getPort() >= 0) {
            out.put("port", Integer.toString(uri.getPort()));
        }
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) {
            out.put("dbname", decode(path.substring(1)));
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** lib/pq's {@code key=value key='quoted value'} form. */
    private static Map<String, String> fromPairs(String connStr) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = connStr.length();
        while (true) {
            while (i < n && Character.isWhitespace(connStr.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int eq = connStr.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "The pg backend's conn_str is neither a postgres:// URL nor key=value pairs.");
            }
            String key = connStr.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && connStr.charAt(i) == '\'') {
                i++;
                while (i < n && connStr.charAt(i) != '\'') {
                    if (connStr.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(connStr.charAt(i++));
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(connStr.charAt(i))) {
                    if (connStr.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(connStr.charAt(i++));
                }
            }
            out.put(key, value.toString());
        }
    }
}
