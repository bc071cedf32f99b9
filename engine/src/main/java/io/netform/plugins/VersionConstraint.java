package io.netform.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as {@code required_providers} writes it: comma-separated conditions with
 * {@code = != > >= < <= ~>}, all of which must hold. {@code ~> 1.2} allows 1.2 and later 1.x;
 * {@code ~> 1.2.3} allows 1.2.3 and later 1.2.x. Pre-releases match only an exact {@code =}.
 */
public final class VersionConstraint {

    private static final Pattern CONDITION = Pattern.compile("\\s*(=|!=|>=|<=|>|<|~>)?\\s*(\\S+)\\s*");

    private record Condition(String op, Version version, int precision) {
        boolean allows(Version v) {
            int c = v.compareTo(version);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "~>" -> c >= 0 && withinPessimisticBound(v);
                default -> throw new IllegalStateException(op);
            };
        }

        private boolean withinPessimisticBound(Version v) {
            if (precision <= 1) {
                return true;
            }
            if (precision == 2) {
                return v.major() == version.major();
            }
            return v.major() == version.major() && v.minor() == version.minor();
        }

        @Override
        public String toString() {
            return op + " " + version;
        }
    }

    private final String text;
    private final List<Condition> conditions;

    private VersionConstraint(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = List.copyOf(conditions);
    }

    /** The constraint that allows every released version. */
    public static VersionConstraint any() {
        return new VersionConstraint("", List.of());
    }

    /**
     * Parses a constraint string.
     *
     * @throws IllegalArgumentException naming the condition that cannot be read
     */
    public static VersionConstraint parse(String text) {
        List<Condition> conditions = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",", -1)) {
                Matcher m = CONDITION.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("invalid version constraint \"" + part.trim() + "\" in \"" + text
                            + "\": expected an operator (=, !=, >, >=, <, <=, ~>) and a version");
                }
                String op = m.group(1) == null ? "=" : m.group(1);
                String versionText = m.group(2);
                Version version;
                try {
                    version = Version.parse(versionText);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "invalid version constraint \"" + part.trim() + "\": " + e.getMessage(), e);
                }
                int precision = versionText.replaceFirst("-.*", "").split("\\.").length;
                conditions.add(new Condition(op, version, precision));
            }
        }
        return new VersionConstraint(text.trim(), conditions);
    }

    /** This constraint and {@code other} together (for a provider required by several modules). */
    public VersionConstraint and(VersionConstraint other) {
        List<Condition> both = new ArrayList<>(conditions);
        both.addAll(other.conditions);
        String joined = text.isEmpty() ? other.text : other.text.isEmpty() ? text : text + ", " + other.text;
        return new VersionConstraint(joined, both);
    }

    /** Whether {@code v} satisfies every condition. */
    public boolean allows(Version v) {
        if (v.isPrerelease() && conditions.stream().noneMatch(c -> c.op.equals("=") && c.version.equals(v))) {
            return false;
        }
        return conditions.stream().allMatch(c -> c.allows(v));
    }

    @Override
    public String toString() {
        return text;
    }
}
