package io.netform.provider.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the testing provider as a plugin executable, the way a plugin directory holds providers:
 * a shell script that runs this JVM's {@code java} with the current class path.
 */
public final class TestingProviderExecutable {

    /** The executable's file name, as Terraform names provider binaries. */
    public static final String FILE_NAME = "terraform-provider-testing_v0.1.0";

    private TestingProviderExecutable() {}

    /**
     * Writes the executable into {@code directory} (created if needed) and returns its path.
     *
     * @param classPath the class path holding this provider and its dependencies, e.g. the
     *     calling test's {@code java.class.path}
     */
    public static Path write(Path directory, String classPath) throws IOException {
        Files.createDirectories(directory);
        Path executable = directory.resolve(FILE_NAME);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\n"
                + "# The Netform testing provider (netform/testing) as a plugin executable.\n"
                + "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
                + " -cp " + quote(classPath) + " " + TestingProvider.class.getName() + " \"$@\"\n";
        Files.writeString(executable, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return executable;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
