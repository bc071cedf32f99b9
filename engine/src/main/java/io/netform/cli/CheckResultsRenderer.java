package io.netform.cli;

import io.netform.config.CheckStatus;
import io.netform.plan.CheckResult;
import java.util.List;

/**
 * Renders the results of check blocks after a plan or an apply: a count line, then one line per
 * check. The failures themselves are also reported as warnings, with their source.
 */
final class CheckResultsRenderer {

    private CheckResultsRenderer() {}

    /** The results, or nothing when the configuration has no check blocks. */
    static String render(List<CheckResult> checks, boolean planning, Ui ui) {
        if (checks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n")
                .append(ui.bold("Checks: " + count(checks, CheckStatus.PASS) + " passed, "
                        + count(checks, CheckStatus.FAIL) + " failed"));
        long unknown = count(checks, CheckStatus.UNKNOWN);
        long errored = count(checks, CheckStatus.ERROR);
        if (errored > 0) {
            out.append(ui.bold(", " + errored + " could not be evaluated"));
        }
        if (unknown > 0) {
            out.append(ui.bold(", " + unknown + (planning ? " to be checked during apply" : " unknown")));
        }
        out.append(ui.bold(".")).append('\n');
        for (CheckResult c : checks) {
            out.append("  ")
                    .append(c.address())
                    .append(": ")
                    .append(line(c, planning, ui))
                    .append('\n');
        }
        return out.toString();
    }

    private static String line(CheckResult c, boolean planning, Ui ui) {
        return switch (c.status()) {
            case PASS -> ui.green("passed");
            case FAIL -> ui.yellow("failed") + ": " + String.join("; ", c.failures());
            case ERROR -> ui.yellow("could not be evaluated (see the warnings above)");
            case UNKNOWN ->
                planning
                        ? "will be checked during apply (it depends on values known only after apply)"
                        : "unknown (it depends on values that are still unknown)";
        };
    }

    private static long count(List<CheckResult> checks, CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
