package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/network-policy/tests, the reachability proven before merge, run by {@code netform test} in-process on
 * the embedded NSX simulator: the example as it is passes; a manifest edited so that prod's frontends lose their
 * database, or so that dev reaches it on any port, fails with the assertion's message and the deciding rule.
 */
class ReachabilityTestsIT {

    private static final Path EXAMPLE =
            NetformProcess.home().resolve("../../../examples/network-policy").normalize();
    private static final String MANIFEST = "policies/test-network-policy.yaml";

    @TempDir
    Path dir;

    @Test
    void theExamplesReachabilityTestsPass() throws Exception {
        Workspace w = Workspace.inProcess(copyExample());
        w.ok("init", "-no-color");

        var run = w.run("test", "-no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("  run \"who_reaches_whom\"... pass")
                .contains("tests/reachability.tftest.hcl... pass")
                .contains("Success! 2 passed, 0 failed.");
    }

    @Test
    void aManifestThatCutsTheFrontendsOffTheDatabaseFailsTheTests() throws Exception {
        Path example = copyExample();
        edit(example.resolve(MANIFEST), "role: frontend", "role: checkout");
        Workspace w = Workspace.inProcess(example);
        w.ok("init", "-no-color");

        var run = w.run("test", "-no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("  run \"who_reaches_whom\"... fail").contains("Failure! 1 passed, 1 failed.");
        assertThat(run.err())
                .contains("Error: tests/reachability.tftest.hcl:")
                .contains("Test assertion failed")
                .contains("prod/client -> prod/db TCP 6379 must stay open (prod's frontends use the database);"
                        + " the traceflow says DROPPED (rule /infra/domains/default/security-policies/"
                        + "k8s-k1-prod-test-network-policy-isolation/rules/ingress-isolation).");
    }

    @Test
    void aManifestThatOpensTheDatabaseToDevFailsTheTests() throws Exception {
        Path example = copyExample();
        // the ingress rule loses its ports: its peers, dev among them, reach the database on every port
        edit(example.resolve(MANIFEST), """
                      ports:
                        - protocol: TCP
                          port: 6379
                """, "");
        Workspace w = Workspace.inProcess(example);
        w.ok("init", "-no-color");

        var run = w.run("test", "-no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains("dev/client -> prod/db TCP 22 must stay closed"
                        + " (dev reaches prod's database on TCP 6379 only); the traceflow says DELIVERED")
                .doesNotContain("prod/client -> prod/db TCP 6379 must stay open");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The example's sources (configuration, manifests, tests), without a local lock file or simulator store. */
    private Path copyExample() throws IOException {
        Path target = dir.resolve("network-policy");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !EXAMPLE.relativize(f).startsWith(".netform"))
                    .filter(f -> !f.getFileName().toString().startsWith(".netform"))
                    .toList()) {
                Path to = target.resolve(EXAMPLE.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return target;
    }
}
