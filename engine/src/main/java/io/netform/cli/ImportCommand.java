package io.netform.cli;

import io.netform.addrs.AddressException;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.config.ImportBlock;
import io.netform.config.Module;
import io.netform.core.Result;
import io.netform.core.Session;
import io.netform.plan.Plan;
import io.netform.plan.PlanResult;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.state.StateChange;
import io.netform.state.WorkingState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        try (CommandSession command = new CommandSession(netform, flags)) {
            OperationView view = command.view();
            Session session = command.session();
            if (!command.load()) {
                return 1;
            }
            Optional<ResourceInstance> parsed = parse(view);
            if (parsed.isEmpty() || !configured(view, session.root(), parsed.get())
                    || !command.lockAndRead("OperationTypeImport")) {
                return 1;
            }
            ResourceInstance target = parsed.get();
            if (session.state().current(target).isPresent()) {
                error(view, "Resource already managed by Netform", "Netform is already managing a remote object for "
                        + target + ". To import to this address you must first remove the existing object from the "
                        + "state.");
                return 1;
            }
            Result<PlanResult> planned = session.plan(Plan.Mode.NORMAL, List.of(ImportBlock.of(target, id, null)),
                    List.of(new AddressParser.InstanceTarget(target)));
            if (view.diagnostics(planned) || planned.value().hasErrors()) {
                return 1;
            }
            State prior = planned.value().plan().priorState();
            ResourceState imported = prior.resources().get(target.resource());
            var object = prior.current(target).orElseThrow();
            WorkingState next = new WorkingState(session.state());
            next.apply(new StateChange.PutObject(target, imported.provider(), object));
            session.write(next.snapshot());
            view.imported(target, id, object.attributes().path("id").asText(id));
            return 0;
        }
    }

    /** The address to import into; empty after showing why it cannot be one. */
    private Optional<ResourceInstance> parse(OperationView view) {
        try {
            ResourceInstance parsed = AddressParser.parseInstance(address);
            if (parsed.resource().resource().mode() == ResourceMode.DATA) {
                error(view, "Invalid address", "A managed resource address is required; " + address + " is a data "
                        + "source, which Netform reads rather than imports.");
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (AddressException e) {
            error(view, "Invalid address", e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the configuration declares the target's resource, as an import requires. */
    private boolean configured(OperationView view, Module root, ResourceInstance target) {
        Module m = root;
        for (String call : target.module().configPath()) {
            m = m == null ? null : m.children().get(call);
        }
        var resource = target.resource().resource();
        if (m != null && m.resources().containsKey(resource)) {
            return true;
        }
        String where = target.module().isRoot() ? "the root module" : "module " + target.module();
        error(view, "Configuration for import target does not exist", "The resource address \"" + target.resource()
                + "\" does not exist in the configuration.\n\nBefore importing this resource, please create its "
                + "configuration in " + where + ". For example:\n\nresource \"" + resource.type() + "\" \""
                + resource.name() + "\" {\n  # (resource arguments)\n}");
        return false;
    }

    private static void error(OperationView view, String summary, String detail) {
        view.diagnostics(Result.failed(List.of(io.netform.hcl.Diagnostic.error(summary, detail, null)), Map.of()));
    }
}
