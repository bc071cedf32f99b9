package io.netform.goplugin;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application protocol versions carried in {@code PLUGIN_PROTOCOL_VERSIONS}, and go-plugin's
 * rule for choosing one.
 */
public final class ProtocolVersions {

    /** The environment variable in which the host lists the versions it speaks. */
    public static final String ENVIRONMENT_VARIABLE = "PLUGIN_PROTOCOL_VERSIONS";

    private ProtocolVersions() {}

    /** The comma-separated form the host puts in the environment, e.g. {@code 5,6}. */
    public static String format(Collection<Integer> versions) {
        return new TreeSet<>(versions).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The version a plugin announces: the highest one both sides speak, else the plugin's lowest,
     * so that the host can report the mismatch. Entries that are not numbers are skipped.
     */
    public static int negotiate(String hostList, SortedSet<Integer> pluginVersions) {
        if (pluginVersions.isEmpty()) {
            throw new IllegalArgumentException("a plugin must speak at least one protocol version");
        }
        SortedSet<Integer> common = new TreeSet<>();
        if (hostList != null) {
            for (String entry : hostList.split(",")) {
                Integer version = parseOrNull(entry.trim());
                if (version != null && pluginVersions.contains(version)) {
                    common.add(version);
                }
            }
        }
        return common.isEmpty() ? pluginVersions.first() : common.last();
    }

    private static Integer parseOrNull(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
