package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.moduletest.FileResult;
import io.netform.moduletest.RunResult;
import io.netform.moduletest.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JUnit XML report's per-run attributes, as Terraform writes them. */
class JUnitReportTest {

    private static RunResult run(String name, TestStatus status, long millis) {
        return new RunResult(name, status, List.of(), millis, null, null);
    }

    @Test
    void eachCaseNamesItsFileAsClassAndItsDurationInSeconds() {
        FileResult file = new FileResult(
                "tests/a.tftest.hcl",
                TestStatus.ERROR,
                List.of(
                        run("slow", TestStatus.PASS, 1500),
                        run("round", TestStatus.PASS, 2000),
                        run("quick", TestStatus.PASS, 7),
                        run("never", TestStatus.SKIP, 0)),
                List.of(),
                List.of(),
                List.of());
        assertThat(JUnitReport.of(List.of(file)))
                .contains("<testcase name=\"slow\" classname=\"tests/a.tftest.hcl\" time=\"1.5\"></testcase>")
                .contains("<testcase name=\"round\" classname=\"tests/a.tftest.hcl\" time=\"2\"></testcase>")
                .contains("<testcase name=\"quick\" classname=\"tests/a.tftest.hcl\" time=\"0.007\"></testcase>")
                .contains("<testcase name=\"never\" classname=\"tests/a.tftest.hcl\">\n      <skipped></skipped>");
    }
}
