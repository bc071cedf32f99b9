package io.netform.plugins;

import java.util.Locale;

/** The OS_ARCH pair plugin directories are named by, e.g. {@code linux_amd64}, as Go spells it. */
public record Platform(String os, String arch) {

    /** The platform this JVM runs on. */
    public static Platform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String goOs = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac")
                        ? "darwin"
                        : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String goArch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
        return new Platform(goOs, goArch);
    }

    @Override
    public String toString() {
        return os + "_" + arch;
    }
}
