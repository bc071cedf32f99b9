package io.netform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code netform state pull}: the state's v4 JSON (decrypted, when it is stored encrypted) on standard output. */
@Command(name = "pull", description = "Print the current state's JSON (decrypted), for tools and backups.")
final class StatePullCommand implements Callable<Integer> {

    @ParentCommand
    private StateCommand state;

    @Override
    public Integer call() {
        Ui ui = state.netform().ui();
        StateSnapshot snapshot = StateSnapshot.of(state.netform(), null, ui);
        if (!snapshot.exists()) {
            // As Terraform: with no state there is nothing to print, and that is not an error.
            return 0;
        }
        byte[] bytes = snapshot.json();
        if (bytes == null) {
            return 1;
        }
        ui.out().write(bytes, 0, bytes.length);
        ui.out().flush();
        return 0;
    }
}
