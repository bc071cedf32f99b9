package io.netform.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as Terraform's flags take them: {@code 0s}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. */
public final class GoDurations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private GoDurations() {}

    /** The duration {@code text} gives. */
    public static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
            end = m.end();
        }
        if (end != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid duration \"" + text + "\": use a number with a unit, " + "such as 30s or 5m");
        }
        return total;
    }
}
