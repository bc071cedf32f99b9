package io.netform.cli;

import io.netform.core.Result;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Plan;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code -refresh-only} flag of plan and apply, with Terraform's rules for combining it with the others. */
final class RefreshOnlyFlag {

    @Option(
            names = "-refresh-only",
            description = "Only check whether the remote objects still match the state, and show what changed"
                    + " outside Netform, without proposing any changes to them; apply records those changes in"
                    + " the state.")
    boolean refreshOnly;

    /**
     * The plan mode these flags select, or the error Terraform gives for flags that do not go together:
     * -refresh-only with -destroy, or with -refresh=false, which would leave nothing to do.
     */
    Result<Plan.Mode> mode(boolean destroy, OperationFlags flags) {
        if (refreshOnly && destroy) {
            return refused(
                    "Incompatible plan mode options", "The -destroy and -refresh-only options are mutually-exclusive.");
        }
        if (refreshOnly && !flags.refresh) {
            return refused(
                    "Incompatible refresh options",
                    "It doesn't make sense to use -refresh-only at the same time as -refresh=false, because Netform"
                            + " would have nothing to do.");
        }
        Plan.Mode mode = refreshOnly ? Plan.Mode.REFRESH_ONLY : destroy ? Plan.Mode.DESTROY : Plan.Mode.NORMAL;
        return Result.of(mode);
    }

    /** An error about the flags given, which has no place in the configuration. */
    static Result<Plan.Mode> refused(String summary, String detail) {
        return Result.failed(List.of(Diagnostic.error(summary, detail, null)), Map.of());
    }
}
