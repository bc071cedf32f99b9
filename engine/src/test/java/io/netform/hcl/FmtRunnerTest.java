package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform fmt} over files and directories: what is rewritten and which exit code results. */
class FmtRunnerTest {
    private static final String UGLY = "a=1\n";
    private static final String CANONICAL = "a = 1\n";

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rewritesChangedFilesAndExitsZero() throws IOException {
        Path ugly = write("main.tf", UGLY);
        Path fine = write("vars.tfvars", CANONICAL);
        write("notes.txt", UGLY);

        FmtReport report = FmtRunner.run(dir, new FmtOptions(false, false, false));

        assertThat(report.exitCode()).isZero();
        assertThat(report.files()).extracting(FmtReport.FileOutcome::path).containsExactly(ugly, fine);
        assertThat(report.changedFiles())
                .extracting(FmtReport.FileOutcome::path)
                .containsExactly(ugly);
        assertThat(Files.readString(ugly)).isEqualTo(CANONICAL);
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo(UGLY);
    }

    @Test
    void aRewrittenFileKeepsItsPermissionsAndNoTemporaryFileIsLeft() throws IOException {
        Path ugly = write("main.tf", UGLY);
        Files.setPosixFilePermissions(ugly, PosixFilePermissions.fromString("rw-r--r--"));

        FmtRunner.run(dir, new FmtOptions(false, false, false));

        assertThat(Files.readString(ugly)).isEqualTo(CANONICAL);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ugly)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(ugly);
        }
    }

    @Test
    void checkReportsUnformattedFilesWithExitThreeAndWritesNothing() throws IOException {
        Path ugly = write("main.tf", UGLY);

        FmtReport report = FmtRunner.run(dir, new FmtOptions(true, true, false));

        assertThat(report.exitCode()).isEqualTo(FmtReport.EXIT_NOT_FORMATTED);
        assertThat(report.changedFiles()).singleElement().satisfies(f -> {
            assertThat(f.written()).isFalse();
            assertThat(f.result().diff()).contains("-a=1", "+a = 1");
        });
        assertThat(report.diffs())
                .isEqualTo(report.changedFiles().get(0).result().diff());
        assertThat(Files.readString(ugly)).isEqualTo(UGLY);
    }

    @Test
    void checkOfCanonicalFilesExitsZero() throws IOException {
        write("main.tf", CANONICAL);

        assertThat(FmtRunner.run(dir, new FmtOptions(true, false, false)).exitCode())
                .isZero();
    }

    @Test
    void syntaxErrorsExitTwoAndTheFileIsNeverRewritten() throws IOException {
        Path broken = write("broken.tf", "a=[1 2]\n");
        Path ugly = write("main.tf", UGLY);

        FmtReport report = FmtRunner.run(dir, new FmtOptions(false, false, false));

        assertThat(report.exitCode()).isEqualTo(FmtReport.EXIT_SYNTAX_ERROR);
        assertThat(report.failedFiles()).extracting(FmtReport.FileOutcome::path).containsExactly(broken);
        assertThat(Files.readString(broken)).isEqualTo("a=[1 2]\n");
        assertThat(Files.readString(ugly)).isEqualTo(CANONICAL);
    }

    @Test
    void subdirectoriesOnlyWithRecursiveAndNeverHiddenOnes() throws IOException {
        Path nested = write("modules/net/main.tf", UGLY);
        Path hidden = write(".netform/modules/x/main.tf", UGLY);

        FmtRunner.run(dir, new FmtOptions(false, false, false));
        assertThat(Files.readString(nested)).isEqualTo(UGLY);

        FmtRunner.run(dir, new FmtOptions(false, false, true));
        assertThat(Files.readString(nested)).isEqualTo(CANONICAL);
        assertThat(Files.readString(hidden)).isEqualTo(UGLY);
    }

    @Test
    void aSingleFileIsFormattedWhateverItsName() throws IOException {
        Path file = write("custom.hcl", UGLY);

        FmtReport report = FmtRunner.run(file, new FmtOptions(false, false, false));

        assertThat(report.files())
                .singleElement()
                .satisfies(f -> assertThat(f.written()).isTrue());
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
    }

    @Test
    void aMissingPathIsReportedAsADiagnosticWithExitTwo() {
        Path missing = dir.resolve("nope");

        FmtReport report = FmtRunner.run(missing, new FmtOptions(false, false, false));

        assertThat(report.exitCode()).isEqualTo(FmtReport.EXIT_SYNTAX_ERROR);
        assertThat(report.failedFiles())
                .singleElement()
                .satisfies(f -> assertThat(f.result().diagnostics())
                        .extracting(Diagnostic::summary, Diagnostic::detail)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "Cannot format " + missing,
                                "The file could not be read or written: there is no such file or directory.")));
    }

    @Test
    void withoutDiffOptionThereAreNoDiffs() throws IOException {
        write("main.tf", UGLY);

        assertThat(FmtRunner.run(dir, new FmtOptions(true, false, false)).diffs())
                .isEmpty();
    }
}
