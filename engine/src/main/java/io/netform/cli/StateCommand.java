package io.netform.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code netform state}: the group of commands that read and edit state. */
@Command(
        name = "state",
        description = "Read or edit the state: list, show, pull, mv, rm, push or " + "replace-provider.",
        subcommands = {
            StateListCommand.class,
            StateShowCommand.class,
            StatePullCommand.class,
            StateMvCommand.class,
            StateRmCommand.class,
            StatePushCommand.class,
            StateReplaceProviderCommand.class
        },
        synopsisSubcommandLabel = "COMMAND")
final class StateCommand implements Runnable {

    @ParentCommand
    private NetformCommand netform;

    /** The top-level command, for the working directory and the UI. */
    NetformCommand netform() {
        return netform;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this),
                "a subcommand is required: list, show, pull, mv, rm, push or replace-provider");
    }
}
