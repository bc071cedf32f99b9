package io.netform.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/netform} of the built distribution as a separate process, for end-to-end tests. */
final class NetformProcess {

    /** What a finished run printed and returned. */
    record Result(int exitCode, String out, String err) {}

    private NetformProcess() {}

    /** The distribution under test, laid out by the package phase. */
    /** kill -9 of a started command and its plugins, as a crash would end them; returns once they are gone. */
    static void kill(Process command) throws InterruptedException {
        command.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        command.destroyForcibly();
        if (!command.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed command had not ended after 30 s");
        }
    }

    static Path home() {
        String home = System.getProperty("netform.home");
        if (home == null) {
            throw new IllegalStateException(
                    "netform.home is not set: run the end-to-end tests through Maven (mvn verify)");
        }
        return Path.of(home);
    }

    /** Runs {@code netform args...} in {@code dir} with extra environment variables, waiting up to two minutes. */
    static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(dir, env, Path.of("/dev/null"), args);
    }

    /** Runs {@code netform args...} as the method above does, with standard input read from {@code stdin}. */
    static Result run(Path dir, Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("bin/netform").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("netform-out", ".txt");
        Path err = Files.createTempFile("netform-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("netform " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
