package io.netform.nsxt;

import io.netform.nsxt.api.RetryPolicy;
import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Value;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The provider configuration, with terraform-provider-nsxt's environment variables and defaults
 * filling what the configuration leaves unset.
 *
 * @param host     the manager's URL, or null for the embedded simulator
 * @param seed     the export the embedded simulator starts from ({@code nsx-sim export}), or null
 * @param password never logged or shown; {@link #toString()} leaves it out
 */
record ConnectionSettings(
        URI host,
        String username,
        String password,
        boolean allowUnverifiedSsl,
        String caFile,
        String caPem,
        boolean sessionAuth,
        RetryPolicy retries,
        String seed) {

    /** The host value that runs the NSX simulator inside the provider. */
    static final String EMBEDDED = "embedded";

    static ConnectionSettings from(Value config, Map<String, String> env) {
        String host = text(config, "host", env.get("NSXT_MANAGER_HOST"));
        if (host == null || host.isBlank()) {
            throw new DiagnosticException(
                    "Missing NSX Manager host",
                    "Set host in the provider block (or "
                            + "NSXT_MANAGER_HOST) to the manager's address, or to \"embedded\" to run the NSX simulator "
                            + "inside the provider.",
                    AttributePath.of("host"));
        }
        boolean embedded = host.equals(EMBEDDED);
        String username = text(config, "username", env.get("NSXT_USERNAME"));
        String password = text(config, "password", env.get("NSXT_PASSWORD"));
        if (!embedded && (username == null || password == null)) {
            throw new DiagnosticException(
                    "Missing NSX credentials",
                    "Set username and password in the provider " + "block, or NSXT_USERNAME and NSXT_PASSWORD.",
                    AttributePath.of(username == null ? "username" : "password"));
        }
        String seed = text(config, "seed", null);
        if (seed != null && !embedded) {
            throw new DiagnosticException(
                    "Seed without the embedded simulator",
                    "seed loads an export into the NSX simulator that host = \"" + EMBEDDED + "\" runs; a real"
                            + " manager (" + host + ") is never written from a seed.",
                    AttributePath.of("seed"));
        }
        return new ConnectionSettings(
                embedded ? null : url(host),
                username,
                password,
                flag(config, "allow_unverified_ssl", env.get("NSXT_ALLOW_UNVERIFIED_SSL"), false),
                text(config, "ca_file", env.get("NSXT_CA_FILE")),
                text(config, "ca", env.get("NSXT_CA")),
                flag(config, "session_auth", null, true),
                retries(config, env),
                seed);
    }

    boolean isEmbedded() {
        return host == null;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[host=" + (host == null ? EMBEDDED : host) + ", username=" + username
                + ", allowUnverifiedSsl=" + allowUnverifiedSsl + ", sessionAuth=" + sessionAuth + "]";
    }

    private static RetryPolicy retries(Value config, Map<String, String> env) {
        RetryPolicy defaults = RetryPolicy.defaults();
        int max = (int) number(config, "max_retries", env.get("NSXT_MAX_RETRIES"), defaults.maxRetries());
        long min = number(
                config,
                "retry_min_delay",
                env.get("NSXT_RETRY_MIN_DELAY"),
                defaults.minDelay().toMillis());
        long maxDelay = number(
                config,
                "retry_max_delay",
                env.get("NSXT_RETRY_MAX_DELAY"),
                defaults.maxDelay().toMillis());
        if (max < 0 || min < 0 || maxDelay < 0) {
            throw new DiagnosticException(
                    "Invalid retry settings",
                    "max_retries, retry_min_delay and " + "retry_max_delay cannot be negative.");
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        Value codes = config.getAttr("retry_on_status_codes");
        if (!codes.isNull()) {
            codes.elements().forEach(code -> statuses.add(code.asInt()));
        }
        return new RetryPolicy(
                max,
                Duration.ofMillis(min),
                Duration.ofMillis(maxDelay),
                statuses.isEmpty() ? Set.copyOf(RetryPolicy.DEFAULT_STATUSES) : statuses);
    }

    private static URI url(String host) {
        String withScheme = host.contains("://") ? host : "https://" + host;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host name");
            }
            return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            throw new DiagnosticException(
                    "Invalid NSX Manager host",
                    "\"" + host + "\" is not a host name or URL: " + e.getMessage(),
                    AttributePath.of("host"));
        }
    }

    private static String text(Value config, String name, String fallback) {
        Value value = config.getAttr(name);
        return value.isNull() ? fallback : value.asString();
    }

    private static boolean flag(Value config, String name, String fallback, boolean otherwise) {
        Value value = config.getAttr(name);
        if (!value.isNull()) {
            return value.asBoolean();
        }
        return fallback == null ? otherwise : Boolean.parseBoolean(fallback.strip());
    }

    private static long number(Value config, String name, String fallback, long otherwise) {
        Value value = config.getAttr(name);
        if (!value.isNull()) {
            return value.asLong();
        }
        try {
            return fallback == null ? otherwise : Long.parseLong(fallback.strip());
        } catch (NumberFormatException e) {
            throw new DiagnosticException(
                    "Invalid " + name,
                    "The environment gives \"" + fallback + "\", which is " + "not a whole number.",
                    AttributePath.of(name));
        }
    }
}
