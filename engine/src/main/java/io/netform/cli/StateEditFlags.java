package io.netform.cli;

import io.netform.core.GoDurations;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The flags of the commands that rewrite state directly (state mv, rm and push), with Terraform's names. */
final class StateEditFlags {

    @Option(
            names = "-state",
            paramLabel = "PATH",
            description = "The state file to change (default " + "terraform.tfstate, or the local backend's path).")
    Path state;

    @Option(
            names = "-backup",
            paramLabel = "PATH",
            description = "Where to write a copy of the state as it was "
                    + "before the change (default: beside the state, named with the time).")
    Path backup;

    @Option(
            names = "-lock",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Hold the state lock while changing the state (default true).")
    boolean lock = true;

    @Option(
            names = "-lock-timeout",
            paramLabel = "DURATION",
            description = "How long to retry acquiring the state " + "lock (default 0s).")
    String lockTimeout = "0s";

    @Option(names = "-no-color", description = "Disable coloured output.")
    boolean noColor;

    Duration lockTimeout() {
        return GoDurations.parse(lockTimeout);
    }
}
