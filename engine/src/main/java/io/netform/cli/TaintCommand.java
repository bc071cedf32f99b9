package io.netform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code netform taint ADDRESS}: marks an object in state as tainted, so the next plan replaces it. */
@Command(
        name = "taint",
        description = "Mark a resource instance as not fully functional, so that the next plan " + "replaces it.")
final class TaintCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private TaintMarking marking;

    @Override
    public Integer call() {
        return marking.run(netform, true, "taint");
    }
}
