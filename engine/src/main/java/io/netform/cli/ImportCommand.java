package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.config.ImportBlock;
import io.netform.config.Module;
import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import io.netform.state.ResourceState;
import io.netform.state.StateChange;
import io.netform.state.WorkingState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code netform import ADDRESS ID}: adopts an existing object into state at a resource instance that
 * the configuration declares, by asking its provider to import and then read it.
 */
@Command(name = "import", description = "Associate an existing object with a resource instance of the "
        + "configuration, recording it in state without changing it.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private NetformCommand netform;

    @Mixin
    private OperationFlags flags;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The resource instance to import into, such as "
            + "testing_object.web[0]; its resource block must exist in the configuration.")
    private String address;

    @Parameters(index = "1", paramLabel = "ID", description = "The provider's id of the existing object.")
    private String id;

    @Override
    public Integer call() {
        try (Operation op = new Operation(netform, flags)) {
            Ui ui = op.ui();
            if (!op.load()) {
                return 1;
            }
            ResourceInstance target = parse(op);
            if (target == null || !configured(op, target) || op.lockAndRead("OperationTypeImport") == null) {
                return 1;
            }
            if (op.state().current(target).isPresent()) {
                error(op, "Resource already managed by Netform", "Netform is already managing a remote object for "
                        + target + ". To import to this address you must first remove the existing object from the "
                        + "state.");
                return 1;
            }
            PlanResult planned = op.plan(Plan.Mode.NORMAL, List.of(ImportBlock.of(target, id, null)),
                    List.of(new AddressParser.InstanceTarget(target)));
            if (planned == null || planned.hasErrors()) {
                return 1;
            }
            ResourceState imported = planned.plan().priorState().resources().get(target.resource());
            var object = planned.plan().priorState().current(target).orElseThrow();
            WorkingState next = new WorkingState(op.state());
            next.apply(new StateChange.PutObject(target, imported.provider(), object));
            op.write(next.snapshot());
            String objectId = object.attributes().path("id").asText(id);
            ui.out().println(ui.bold(target + ": Importing from ID \"" + id + "\"..."));
            ui.out().println(ui.bold(target + ": Import prepared!"));
            ui.out().println("  Prepared " + target.resource().resource().type() + " for import");
            ui.out().println(ui.bold(target + ": Refreshing state... [id=" + objectId + "]"));
            ui.out().println("\n" + ui.green(ui.bold("Import successful!")) + "\n\n"
                    + PlanRenderer.wrap("The resources that were imported are shown above. These resources are now "
                            + "in your Netform state and will henceforth be managed by Netform."));
            return 0;
        }
    }

    private ResourceInstance parse(Operation op) {
        try {
            ResourceInstance parsed = AddressParser.parseInstance(address);
            if (parsed.resource().resource().mode() == ResourceMode.DATA) {
                error(op, "Invalid address", "A managed resource address is required; " + address + " is a data "
                        + "source, which Netform reads rather than imports.");
                return null;
            }
            return parsed;
        } catch (AddressException e) {
            error(op, "Invalid address", e.getMessage());
            return null;
        }
    }

    /** Whether the configuration declares the target's resource, as an import requires. */
    private boolean configured(Operation op, ResourceInstance target) {
        Module m = op.root();
        for (String call : target.module().configPath()) {
            m = m == null ? null : m.children().get(call);
        }
        var resource = target.resource().resource();
        if (m != null && m.resources().containsKey(resource)) {
            return true;
        }
        String where = target.module().isRoot() ? "the root module" : "module " + target.module();
        error(op, "Configuration for import target does not exist", "The resource address \"" + target.resource()
                + "\" does not exist in the configuration.\n\nBefore importing this resource, please create its "
                + "configuration in " + where + ". For example:\n\nresource \"" + resource.type() + "\" \""
                + resource.name() + "\" {\n  # (resource arguments)\n}");
        return false;
    }

    private static void error(Operation op, String summary, String detail) {
        op.printer().print(List.of(io.netform.hcl.Diagnostic.error(summary, detail, null)));
    }
}
