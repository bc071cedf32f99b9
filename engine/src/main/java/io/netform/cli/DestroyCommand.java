package io.netform.cli;

import picocli.CommandLine.Command;

/** {@code netform destroy}: {@code apply -destroy}. */
@Command(name = "destroy", description = "Destroy previously-created infrastructure.")
final class DestroyCommand extends ApplyCommand {

    DestroyCommand() {
        destroy = true;
    }
}
