package io.netform.kubesim;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code kubectl} against a kubeconfig, as a user would. */
public final class Kubectl {

    /** What one run printed and how it ended. */
    public record Run(int exitCode, String out, String err) {}

    private final Path kubeconfig;
    private final Path workDirectory;

    public Kubectl(Path kubeconfig, Path workDirectory) {
        this.kubeconfig = kubeconfig;
        this.workDirectory = workDirectory;
    }

    /** Fails the test with the way to install kubectl when it is not on the PATH. */
    public static void requireInstalled() {
        try {
            Process probe = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail("kubectl is not installed: run .ci/install (it apt-installs Debian's kubernetes-client)");
    }

    /** Runs kubectl with the arguments; the test fails if it does not end within a minute. */
    public Run run(String... args) {
        List<String> command = new ArrayList<>(List.of(
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                workDirectory.resolve("cache").toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDirectory, "kubectl", ".out");
            Path err = Files.createTempFile(workDirectory, "kubectl", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl " + String.join(" ", args) + " did not end within a minute");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs kubectl and returns its output, failing the test with its error output if it fails. */
    public String ok(String... args) {
        Run run = run(args);
        if (run.exitCode() != 0) {
            fail("kubectl " + String.join(" ", args) + " exited " + run.exitCode() + ":\n" + run.err());
        }
        return run.out();
    }
}
