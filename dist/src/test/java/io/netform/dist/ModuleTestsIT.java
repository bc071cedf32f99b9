package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modules' own test suites ({@code modules/NAME/tests/*.tftest.hcl}) run by {@code netform test} in-process: a
 * plan-only suite on a mocked nsxt provider and one that applies on the embedded NSX simulator, which its cleanup
 * must leave empty.
 */
class ModuleTestsIT {

    private static final Path SOURCES =
            NetformProcess.home().resolve("../../..").normalize();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cluster-network", "microsegmentation"})
    void theModulesTestSuitesPass(String module) throws Exception {
        Workspace w = Workspace.inProcess(copy("modules/" + module));
        w.ok("init");

        var run = w.run("test", "-no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("tests/plan.tftest.hcl... pass")
                .contains("tests/embedded.tftest.hcl... pass")
                .contains("Success!");
        // the cleanup destroyed everything the apply runs created in the simulator
        assertThat(simulatorObjects(w.dir))
                .as("objects left in the embedded simulator")
                .isEmpty();
    }

    @Test
    void aBrokenAssertionFailsTheSuiteWithItsMessageAndStillCleansUp() throws Exception {
        Path module = copy("modules/microsegmentation");
        Files.writeString(
                module.resolve("tests/embedded.tftest.hcl"),
                Files.readString(module.resolve("tests/embedded.tftest.hcl"))
                        .replace("tftest-env-stage\"", "tftest-env-staging\""));
        Workspace w = Workspace.inProcess(module);
        w.ok("init");

        var run = w.run("test", "-no-color", "-filter=tests/embedded.tftest.hcl");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("  run \"a_new_environment_gets_its_group\"... fail")
                .contains("Failure! 1 passed, 1 failed.");
        assertThat(run.err()).contains("Test assertion failed").contains("The stage environment should get its group.");
        assertThat(simulatorObjects(w.dir)).isEmpty();
    }

    /** The Policy objects the embedded simulator keeps that a module created (its own seed objects aside). */
    private static String simulatorObjects(Path dir) throws IOException {
        Path store = dir.resolve(".netform/nsx-sim/store.json");
        if (!Files.exists(store)) {
            return "";
        }
        String text = Files.readString(store);
        return text.contains("tftest") ? text : "";
    }

    private Path copy(String tree) throws IOException {
        Path target = dir.resolve(tree);
        try (Stream<Path> files = Files.walk(SOURCES.resolve(tree))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tftest.hcl"))
                    .toList()) {
                Path to = target.resolve(SOURCES.resolve(tree).relativize(file));
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return target;
    }
}
