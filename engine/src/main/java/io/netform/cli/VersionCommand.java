package io.netform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code netform version [-json]}: which Netform this is, the Terraform language it implements, and the platform. */
@Command(name = "version", description = "Show the current Netform version.")
final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Option(names = "-json", description = "Output the version information as a JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        VersionView.of(netform.ui(), json).show();
        return 0;
    }
}
