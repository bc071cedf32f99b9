package io.netform.planner;

import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressMoves;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ModuleInstance;
import io.netform.config.Module;
import io.netform.config.RemovedBlock;
import io.netform.graph.ConfigGraph;
import io.netform.hcl.Diagnostic;
import io.netform.walk.WalkContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration's {@code removed} blocks: which objects of resources gone from the configuration
 * are to be forgotten rather than destroyed.
 */
final class RemovedStatements {

    /** A removed block and the module it is written in. */
    private record Statement(List<String> modulePath, RemovedBlock block) {}

    private final List<Statement> statements = new ArrayList<>();

    private RemovedStatements(ConfigGraph graph) {
        graph.modules()
                .values()
                .forEach(m -> m.stateBlocks().removals().forEach(b -> statements.add(new Statement(m.path(), b))));
    }

    /** The removed blocks of {@code graph}; one that names something still configured is reported. */
    static RemovedStatements of(ConfigGraph graph, WalkContext context) {
        RemovedStatements removed = new RemovedStatements(graph);
        for (Statement s : removed.statements) {
            Module m = graph.module(s.modulePath());
            AddressParser.Target from = s.block().from();
            if (from instanceof AddressParser.ModuleTarget t) {
                Module within = m.descendant(t.module().parent().configPath());
                String call =
                        t.module().steps().get(t.module().steps().size() - 1).name();
                if (within != null && within.calls().containsKey(call)) {
                    context.report(stillExists("module", t.module().toString(), s));
                }
            } else {
                AbsResource r = AddressMoves.resourceOf(from);
                Module within = m.descendant(r.module().configPath());
                if (within != null && within.resources().containsKey(r.resource())) {
                    context.report(stillExists("resource", r.toString(), s));
                }
            }
        }
        return removed;
    }

    /** Whether the objects of {@code resource}, which the configuration no longer has, are only to be forgotten. */
    boolean forgets(AbsResource resource) {
        for (Statement s : statements) {
            ModuleInstance at = resource.module();
            if (at.steps().size() < s.modulePath().size()
                    || !at.configPath().subList(0, s.modulePath().size()).equals(s.modulePath())) {
                continue;
            }
            ModuleInstance base =
                    new ModuleInstance(at.steps().subList(0, s.modulePath().size()));
            AddressParser.Target from = AddressMoves.absolute(s.block().from(), base);
            boolean covers = from instanceof AddressParser.ModuleTarget m
                    ? m.module().contains(at)
                    : AddressMoves.resourceOf(from).equals(resource);
            if (covers) {
                return !s.block().destroy();
            }
        }
        return false;
    }

    private static Diagnostic stillExists(String kind, String address, Statement s) {
        return Diagnostic.error(
                "Removed " + kind + " still exists",
                "This statement declares that " + address
                        + " was removed, but it is still declared in the configuration. Remove its block, or this "
                        + "statement.",
                s.block().range());
    }
}
