package io.netform.goplugin;

import java.util.Map;

/**
 * The TCP ports a plugin may listen on when it cannot use a Unix socket, as go-plugin hosts set
 * them in {@code PLUGIN_MIN_PORT} and {@code PLUGIN_MAX_PORT}; 0 to 0 lets the system choose.
 */
public record PluginPortRange(int min, int max) {

    /** The lowest port the plugin may take. */
    public static final String MIN_ENVIRONMENT_VARIABLE = "PLUGIN_MIN_PORT";

    /** The highest port the plugin may take. */
    public static final String MAX_ENVIRONMENT_VARIABLE = "PLUGIN_MAX_PORT";

    /** Any free port, the system's choice. */
    public static final PluginPortRange ANY = new PluginPortRange(0, 0);

    private static final int HIGHEST_PORT = 65_535;

    /** @throws IllegalArgumentException when a bound is no port or the range is empty */
    public PluginPortRange {
        requirePort(MIN_ENVIRONMENT_VARIABLE, min);
        requirePort(MAX_ENVIRONMENT_VARIABLE, max);
        if (min > max) {
            throw new IllegalArgumentException(MIN_ENVIRONMENT_VARIABLE + " (" + min + ") is greater than "
                    + MAX_ENVIRONMENT_VARIABLE + " (" + max + "): no port is left to listen on");
        }
    }

    /**
     * The range a host asked for; an unset or empty variable counts as 0, as in go-plugin, so that
     * neither set means any port.
     *
     * @throws IllegalArgumentException when a variable is not a port number or min exceeds max
     */
    public static PluginPortRange fromEnvironment(Map<String, String> environment) {
        return new PluginPortRange(
                bound(environment, MIN_ENVIRONMENT_VARIABLE), bound(environment, MAX_ENVIRONMENT_VARIABLE));
    }

    /** The two variables a host puts in a plugin's environment for this range. */
    public Map<String, String> environment() {
        return Map.of(MIN_ENVIRONMENT_VARIABLE, Integer.toString(min), MAX_ENVIRONMENT_VARIABLE, Integer.toString(max));
    }

    private static int bound(Map<String, String> environment, String variable) {
        String text = environment.get(variable);
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is \"" + text + "\", which is not a port number");
        }
    }

    private static void requirePort(String variable, int port) {
        if (port < 0 || port > HIGHEST_PORT) {
            throw new IllegalArgumentException(
                    variable + " is " + port + ", outside the port numbers 0 to " + HIGHEST_PORT);
        }
    }
}
