package io.netform.cli;

import io.netform.hcl.Diagnostic;
import io.netform.moduletest.FileResult;
import io.netform.moduletest.RunResult;
import io.netform.moduletest.TestStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code netform test -junit-xml=FILE}: the suite as Terraform writes JUnit XML, a {@code testsuite} per file
 * (with its counts of tests, skipped, failures and errors) and a {@code testcase} per run (its file as
 * {@code classname}, its duration in seconds as {@code time}), with a
 * {@code skipped}, {@code failure} or {@code error} element, and the diagnostics of a run that did not error
 * in {@code system-err}.
 */
final class JUnitReport {

    private JUnitReport() {}

    /** The report of {@code files}. */
    static String of(List<FileResult> files) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>");
        for (FileResult file : files) {
            xml.append("\n  <testsuite name=\"")
                    .append(attribute(file.name()))
                    .append("\" tests=\"")
                    .append(file.runs().size())
                    .append("\" skipped=\"")
                    .append(count(file, TestStatus.SKIP))
                    .append("\" failures=\"")
                    .append(count(file, TestStatus.FAIL))
                    .append("\" errors=\"")
                    .append(count(file, TestStatus.ERROR))
                    .append("\">");
            for (RunResult run : file.runs()) {
                xml.append("\n    <testcase name=\"")
                        .append(attribute(run.name()))
                        .append("\" classname=\"")
                        .append(attribute(file.name()))
                        .append('"');
                // Terraform leaves out the time of a run that took none (one that never ran)
                if (run.elapsedMillis() > 0) {
                    xml.append(" time=\"").append(seconds(run.elapsedMillis())).append('"');
                }
                xml.append('>');
                switch (run.status()) {
                    case SKIP -> xml.append("\n      <skipped></skipped>");
                    case FAIL -> xml.append("\n      <failure message=\"Test run failed\"></failure>");
                    case ERROR ->
                        xml.append("\n      <error message=\"Encountered an error\">")
                                .append(cdata(plain(run.diagnostics())))
                                .append("</error>");
                    default -> {}
                }
                if (run.status() != TestStatus.ERROR && !run.diagnostics().isEmpty()) {
                    xml.append("\n      <system-err>")
                            .append(cdata(plain(run.diagnostics())))
                            .append("</system-err>");
                }
                xml.append(run.status() == TestStatus.PASS && run.diagnostics().isEmpty() ? "" : "\n    ")
                        .append("</testcase>");
            }
            xml.append("\n  </testsuite>");
        }
        return xml.append("\n</testsuites>").toString();
    }

    /** Milliseconds as seconds with the fraction Terraform writes: 1500 is {@code 1.5}, 2000 is {@code 2}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static long count(FileResult file, TestStatus status) {
        return file.runs().stream().filter(r -> r.status() == status).count();
    }

    /** The diagnostics as plain text, without source snippets, as Terraform's report holds them. */
    private static String plain(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append('\n')
                    .append(d.isError() ? "Error: " : "Warning: ")
                    .append(d.summary())
                    .append('\n');
            if (d.subject() != null) {
                out.append("\n  on ")
                        .append(d.subject().file())
                        .append(" line ")
                        .append(d.subject().start().line())
                        .append(":\n");
            }
            if (d.detail() != null && !d.detail().isEmpty()) {
                out.append('\n').append(d.detail()).append('\n');
            }
        }
        return out.toString();
    }

    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
