package io.netform.cli;

import io.netform.state.State;
import io.netform.state.StateCodec;
import io.netform.state.StateFormatException;
import io.netform.state.encryption.EncryptionTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform state push FILE}: replaces the state with a state file, refusing one of another
 * lineage or an older serial (either would lose history) unless forced.
 */
@Command(name = "push", description = "Replace the state with a local state file.")
final class StatePushCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand parent;

    @Mixin
    private StateEditFlags flags;

    @Option(names = "-force", description = "Write the state even if its lineage differs or its serial is older.")
    private boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "The state file to push, or - for standard input.")
    private String file;

    @Override
    public Integer call() {
        try (StateEditSession session = StateEditSession.open(parent.netform(), flags, "OperationTypeInvalid", false)) {
            if (session == null) {
                return 1;
            }
            State pushed = read(session);
            if (pushed == null) {
                return 1;
            }
            State current = session.state();
            if (session.exists() && !force) {
                String refusal = !pushed.lineage().equals(current.lineage())
                        ? "cannot import state with lineage \"" + pushed.lineage() + "\" over unrelated state with "
                                + "lineage \"" + current.lineage() + "\""
                        : pushed.serial() < current.serial()
                                ? "cannot import state with serial " + pushed.serial()
                                        + " over newer state with serial " + current.serial()
                                : null;
                if (refusal != null) {
                    session.error(
                            "Failed to write state",
                            refusal + ". Use -force to push it anyway, which " + "discards the current state.");
                    return 1;
                }
            }
            return session.write(pushed) ? 0 : 1;
        }
    }

    private State read(StateEditSession session) {
        try {
            byte[] bytes = file.equals("-")
                    ? System.in.readAllBytes()
                    : Files.readAllBytes(parent.netform().workingDir().resolve(Path.of(file)));
            // A file encrypted as configured is decrypted; one in clear (what state pull prints) is taken as
            // it is, being the user's own choice, and written back encrypted.
            return EncryptionTarget.isEncrypted(bytes)
                    ? session.codec().decode(bytes, file)
                    : StateCodec.decode(bytes, file);
        } catch (IOException e) {
            session.error("Failed to read state file", "Could not read " + file + ": " + e.getMessage());
        } catch (StateFormatException e) {
            session.error("Failed to read state file", e.getMessage());
        }
        return null;
    }
}
