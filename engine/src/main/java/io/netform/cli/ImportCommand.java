package io.netform.cli;

import io.netform.addrs.ResourceInstance;
import io.netform.core.Result;
import io.netform.core.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform import ADDRESS ID}: adopts an existing object into state at a resource instance that
 * the configuration declares, by asking its provider to import and then read it.
 */
@Command(
        name = "import",
        description = "Associate an existing object with a resource instance of the "
                + "configuration, recording it in state without changing it.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private OperationFlags flags;

    @Parameters(
            index = "0",
            paramLabel = "ADDRESS",
            description = "The resource instance to import into, such as "
                    + "testing_object.web[0]; its resource block must exist in the configuration.")
    private String address;

    @Parameters(index = "1", paramLabel = "ID", description = "The provider's id of the existing object.")
    private String id;

    @Override
    public Integer call() {
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            if (!command.load()) {
                return 1;
            }
            Result<ResourceInstance> target = session.importTarget(address);
            if (view.diagnostics(target) || !command.lockAndRead("OperationTypeImport")) {
                return 1;
            }
            Result<Session.Imported> imported = session.importObject(target.value(), id);
            if (view.diagnostics(imported)) {
                return 1;
            }
            view.imported(target.value(), id, imported.value().objectId());
            return 0;
        }
    }
}
