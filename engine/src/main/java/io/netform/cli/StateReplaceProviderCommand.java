package io.netform.cli;

import io.netform.addrs.AbsResource;
import io.netform.addrs.ProviderSource;
import io.netform.state.StateEdits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform state replace-provider FROM TO}: records another provider for the resources in state that use one. */
@Command(
        name = "replace-provider",
        description = "Replace the provider of the resources in the state that use "
                + "FROM_PROVIDER_FQN with TO_PROVIDER_FQN.")
final class StateReplaceProviderCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand parent;

    @Mixin
    private StateEditFlags flags;

    @Option(names = "-auto-approve", description = "Skip interactive approval.")
    private boolean autoApprove;

    @Parameters(
            index = "0",
            paramLabel = "FROM_PROVIDER_FQN",
            description = "The provider to replace, e.g. " + "hashicorp/aws or registry.terraform.io/hashicorp/aws.")
    private String from;

    @Parameters(index = "1", paramLabel = "TO_PROVIDER_FQN", description = "The provider to record instead.")
    private String to;

    @Override
    public Integer call() {
        try (StateEditSession session = StateEditSession.open(parent.netform(), flags, "OperationTypeInvalid", true)) {
            if (session == null) {
                return 1;
            }
            ProviderSource fromSource = source(session, from, "from");
            ProviderSource toSource = fromSource == null ? null : source(session, to, "to");
            if (toSource == null) {
                return 1;
            }
            StateEdits.ProviderReplaced replaced = StateEdits.replaceProvider(session.state(), fromSource, toSource);
            Ui ui = session.ui();
            if (replaced.resources().isEmpty()) {
                ui.out().println("No matching resources found.");
                return 0;
            }
            ui.out().println("Netform will perform the following actions:\n");
            ui.out().println("  " + ui.yellow("~") + " Updating provider:");
            ui.out().println("    " + ui.red("-") + " " + fromSource);
            ui.out().println("    " + ui.green("+") + " " + toSource + "\n");
            ui.out().println(ui.bold("Changing") + " " + replaced.resources().size() + " resources:\n");
            for (AbsResource r : replaced.resources()) {
                ui.out().println("  " + r);
            }
            if (!autoApprove) {
                ui.out().println();
                if (!Confirmation.ask(
                        ui, "Do you want to make these changes?", "Only 'yes' will be accepted to continue.\n")) {
                    ui.out().println("Cancelled replacing providers.");
                    return 0;
                }
            }
            if (!session.write(replaced.state())) {
                return 1;
            }
            ui.out()
                    .println("\nSuccessfully replaced provider for "
                            + replaced.resources().size() + " resources.");
            return 0;
        }
    }

    /** The provider {@code text} names; null after printing Terraform's error. */
    private static ProviderSource source(StateEditSession session, String text, String which) {
        try {
            return ProviderSource.parse(text);
        } catch (IllegalArgumentException e) {
            session.error("Invalid \"" + which + "\" provider \"" + text + "\"", e.getMessage());
            return null;
        }
    }
}
