package io.netform.plugins;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version as providers are released: {@code 1.2.3} or {@code 1.2.3-beta1}. */
public record Version(int major, int minor, int patch, String prerelease) implements Comparable<Version> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?");

    public Version {
        prerelease = prerelease == null ? "" : prerelease;
    }

    /**
     * Parses a version; missing minor and patch parts are zero.
     *
     * @throws IllegalArgumentException when {@code text} is not a version
     */
    public static Version parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a version; expected MAJOR.MINOR.PATCH");
        }
        return new Version(
                Integer.parseInt(m.group(1)), part(m.group(2)), part(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    private static int part(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    /** Whether this is a pre-release, which only an exact constraint selects. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c != 0 || Objects.equals(prerelease, o.prerelease)) {
            return c;
        }
        // A release sorts after its pre-releases.
        if (prerelease.isEmpty()) {
            return 1;
        }
        if (o.prerelease.isEmpty()) {
            return -1;
        }
        return prerelease.compareTo(o.prerelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
    }
}
