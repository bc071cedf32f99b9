package io.netform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code netform untaint ADDRESS}: clears the tainted mark of an object in state, so it is kept. */
@Command(
        name = "untaint",
        description = "Remove the tainted mark from a resource instance, so that the next plan " + "keeps it.")
final class UntaintCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private TaintMarking marking;

    @Override
    public Integer call() {
        return marking.run(netform, false, "untaint");
    }
}
