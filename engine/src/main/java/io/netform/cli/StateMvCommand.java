package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.state.StateEdits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code netform state mv SOURCE DESTINATION}: gives objects in state a new address without touching them. */
@Command(name = "mv", description = "Move a resource, instance or module to another address in the state.")
final class StateMvCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand parent;

    @Mixin
    private StateEditFlags flags;

    @Option(names = "-dry-run", description = "Only print what would be moved.")
    private boolean dryRun;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The resource, instance or module to move.")
    private String source;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "Its new address.")
    private String destination;

    @Override
    public Integer call() {
        try (StateEditSession session = StateEditSession.open(parent.netform(), flags, "OperationTypeInvalid", true)) {
            if (session == null) {
                return 1;
            }
            AddressParser.Target from = parse(session, source, "source");
            AddressParser.Target to = from == null ? null : parse(session, destination, "destination");
            if (to == null) {
                return 1;
            }
            StateEdits.Moved moved;
            try {
                moved = StateEdits.move(session.state(), from, to);
            } catch (StateEdits.EditException e) {
                session.error(e.summary(), e.getMessage());
                return 1;
            }
            Ui ui = session.ui();
            moved.moves()
                    .forEach((a, b) ->
                            ui.out().println((dryRun ? "Would move \"" : "Move \"") + a + "\" to \"" + b + "\""));
            if (dryRun) {
                return 0;
            }
            if (!session.write(moved.state())) {
                return 1;
            }
            ui.out().println(ui.green("Successfully moved " + moved.moves().size() + " object(s)."));
            return 0;
        }
    }

    private static AddressParser.Target parse(StateEditSession session, String text, String what) {
        try {
            return AddressParser.parse(text);
        } catch (AddressException e) {
            session.error("Invalid " + what + " address", e.getMessage());
            return null;
        }
    }
}
