package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.moduletest.FileResult;
import io.netform.moduletest.RunResult;
import io.netform.moduletest.TestProgress;
import io.netform.moduletest.TestStatus;
import java.util.List;
import java.util.Map;

/**
 * How {@code netform test} shows its progress and outcome: for people ({@link HumanTestView}) or as
 * Terraform's machine-readable {@code test_*} messages ({@link JsonTestView}), chosen once from {@code -json}.
 */
interface TestView extends TestProgress {

    /** What is about to run: each file's run blocks, by file. */
    void found(Map<String, List<String>> runsByFile);

    /** Problems found before anything ran (a test file that does not decode). */
    void diagnostics(List<Diagnostic> diagnostics);

    /** The summary line of the whole suite. */
    void conclusion(List<FileResult> files);

    /** The suite's status: the worst of its files'. */
    static TestStatus status(List<FileResult> files) {
        TestStatus status = TestStatus.PENDING;
        for (FileResult f : files) {
            status = status.merge(f.status());
        }
        return status;
    }

    /** Terraform's summary sentence, e.g. {@code Success! 3 passed, 0 failed.} ({@code verdict} colours the first word). */
    static String summary(
            List<FileResult> files,
            java.util.function.UnaryOperator<String> pass,
            java.util.function.UnaryOperator<String> fail) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (FileResult f : files) {
            for (RunResult r : f.runs()) {
                switch (r.status()) {
                    case PASS -> passed++;
                    case FAIL, ERROR -> failed++;
                    case SKIP -> skipped++;
                    default -> {}
                }
            }
        }
        String tail = skipped > 0 ? ", " + skipped + " skipped." : ".";
        TestStatus status = status(files);
        if (status.compareTo(TestStatus.SKIP) <= 0) {
            return "Executed 0 tests" + tail;
        }
        String verdict = status == TestStatus.PASS ? pass.apply("Success!") : fail.apply("Failure!");
        return verdict + " " + passed + " passed, " + failed + " failed" + tail;
    }
}
