package io.netform.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the Go programs the tests compare Netform with, in GOPATH mode against Debian's packaged Go
 * libraries (/usr/share/gocode, installed by {@code .ci/install-go}); fails saying what to install.
 */
public final class GoBuild {

    private GoBuild() {}

    /**
     * Builds the program whose sources are in {@code sources} into {@code build/name}.
     *
     * @param needs   what the test needs, for the message when Go is missing ("HashiCorp's go-plugin")
     * @param install the command that installs Go and those libraries
     */
    public static Path build(Path sources, Path build, String name, String needs, String install)
            throws IOException, InterruptedException {
        Path go = findGo().orElseThrow(() -> new AssertionError("This test needs the Go toolchain and " + needs
                + ", which are not installed. Install them with:\n  " + install));
        Files.createDirectories(build);
        Path binary = build.resolve(name);
        Path log = build.resolve(name + "-build.log");
        ProcessBuilder builder = new ProcessBuilder(go.toString(), "build", "-o", binary.toString(), ".")
                .directory(sources.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("GO111MODULE", "off");
        environment.put("GOPATH", "/usr/share/gocode");
        environment.put("GOFLAGS", "");
        if (!hasUserCache(environment)) {
            environment.put("GOCACHE", build.resolve("cache").toString());
        }
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES))
                .as("go build of %s finished", name)
                .isTrue();
        assertThat(process.exitValue())
                .as("go build of %s failed (are %s installed? %s):%n%s", name, needs, install, Files.readString(log))
                .isZero();
        return binary;
    }

    /**
     * Whether Go finds its own build cache (GOCACHE, else under XDG_CACHE_HOME or HOME). That cache is keyed by
     * the sources, flags and toolchain, and outlives target/: a clean checkout then links the Debian libraries
     * compiled by an earlier build instead of compiling gRPC and hcl/v2 again, most of these builds' time.
     */
    private static boolean hasUserCache(Map<String, String> environment) {
        return Stream.of("GOCACHE", "XDG_CACHE_HOME", "HOME")
                .map(environment::get)
                .anyMatch(value -> value != null && !value.isEmpty());
    }

    private static Optional<Path> findGo() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "go"));
            }
        }
        candidates.add(Path.of("/usr/lib/go/bin/go"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
