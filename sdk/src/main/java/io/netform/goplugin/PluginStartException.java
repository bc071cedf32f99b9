package io.netform.goplugin;

import java.util.List;

/**
 * A plugin could not be started and connected to; the message names the plugin, says what went
 * wrong and quotes the last lines the plugin wrote on stderr.
 */
public final class PluginStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PluginStartException(String plugin, String problem, List<String> lastStderrLines, Throwable cause) {
        super(message(plugin, problem, lastStderrLines), cause);
    }

    private static String message(String plugin, String problem, List<String> lastStderrLines) {
        StringBuilder text =
                new StringBuilder("plugin ").append(plugin).append(": ").append(problem);
        if (lastStderrLines.isEmpty()) {
            text.append("\nThe plugin wrote nothing on stderr.");
        } else {
            text.append("\nThe plugin's last lines on stderr:");
            lastStderrLines.forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }
}
