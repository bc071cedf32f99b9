package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.state.State;
import io.netform.state.StateEdits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code taint} and {@code untaint} share: their flags, and setting or clearing the mark under the state lock. */
final class TaintMarking {

    @Mixin
    private StateEditFlags flags;

    @Option(
            names = "-allow-missing",
            description = "Succeed (exit 0) even when the resource instance is not in " + "the state.")
    private boolean allowMissing;

    @Parameters(
            index = "0",
            paramLabel = "ADDRESS",
            description = "The resource instance, e.g. " + "testing_object.web[0].")
    private String address;

    /**
     * Marks or unmarks the instance and prints the outcome.
     *
     * @param command {@code taint} or {@code untaint}
     */
    int run(NetformCommand netform, boolean tainted, String command) {
        try (StateEditSession session = StateEditSession.open(netform, flags, "OperationTypeInvalid", false)) {
            if (session == null) {
                return 1;
            }
            ResourceInstance instance;
            try {
                instance = AddressParser.parseInstance(address);
            } catch (AddressException e) {
                session.error("Invalid resource instance address", e.getMessage());
                return 1;
            }
            State next;
            try {
                next = StateEdits.taint(session.state(), instance, tainted, command);
            } catch (StateEdits.Missing e) {
                if (allowMissing) {
                    session.warning(
                            e.summary(),
                            "Resource instance " + instance + " was not found, but this is not "
                                    + "an error because -allow-missing was set.");
                    return 0;
                }
                session.error(e.summary(), e.getMessage());
                return 1;
            } catch (StateEdits.EditException e) {
                session.error(e.summary(), e.getMessage());
                return 1;
            }
            if (!session.write(next)) {
                return 1;
            }
            session.ui()
                    .out()
                    .println(
                            tainted
                                    ? "Resource instance " + instance + " has been marked as tainted."
                                    : "Resource instance " + instance + " has been successfully untainted.");
            return 0;
        }
    }
}
