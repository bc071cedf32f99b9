package io.netform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;

/** What this build of Netform is: its version, filled in by the build. */
public final class BuildInfo {

    private static final String VERSION = load();

    private BuildInfo() {}

    /** Netform's version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /**
     * Reads build.properties from the jar (or directory) this class came from. Asking the class path
     * would open every jar before this one, about 40 ms of CPU that the class-data-sharing archive
     * otherwise spares every command.
     */
    private static String load() {
        Properties p = new Properties();
        URL own = BuildInfo.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {own}, null);
                InputStream in = jar.getResourceAsStream("io/netform/cli/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.0.0-dev");
    }
}
