package io.netform.planner;

import io.netform.addrs.AddressMoves;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.config.Module;
import io.netform.config.MovedBlock;
import io.netform.graph.ConfigGraph;
import io.netform.hcl.Diagnostic;
import io.netform.state.InstanceObject;
import io.netform.state.ResourceState;
import io.netform.state.State;
import io.netform.state.StateEdits;
import io.netform.walk.WalkContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration's {@code moved} blocks, applied to the prior state before planning as Terraform
 * does: each object in state follows the chain of moves that covers its address to its final address,
 * unless something already occupies that address (a warning; the object stays and is planned there).
 */
final class MovedStatements {

    /** A moved block and the module it is written in. */
    private record Statement(List<String> modulePath, MovedBlock block) {}

    /** The state after the moves, and for each object that moved, its address before. */
    record Result(State state, Map<ResourceInstance, ResourceInstance> previous) {}

    private final List<Statement> statements = new ArrayList<>();
    private final ConfigGraph graph;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private MovedStatements(ConfigGraph graph) {
        this.graph = graph;
        graph.modules()
                .values()
                .forEach(m -> m.stateBlocks().moves().forEach(b -> statements.add(new Statement(m.path(), b))));
    }

    /** Applies {@code graph}'s moved blocks to {@code prior}; problems go to {@code context}. */
    static Result apply(ConfigGraph graph, State prior, WalkContext context) {
        MovedStatements moved = new MovedStatements(graph);
        if (moved.statements.isEmpty()) {
            return new Result(prior, Map.of());
        }
        moved.checkSourcesRemoved();
        Result result = moved.run(prior);
        context.report(moved.diagnostics);
        return result;
    }

    private Result run(State prior) {
        Map<ResourceInstance, ResourceInstance> moves = new LinkedHashMap<>();
        Set<ResourceInstance> occupied = new HashSet<>();
        for (ResourceState resource : prior.resources().values()) {
            if (resource.address().resource().mode() == ResourceMode.MANAGED) {
                resource.instances().stream()
                        .filter(InstanceObject::isCurrent)
                        .forEach(o -> occupied.add(resource.address().instance(o.key())));
            }
        }
        for (ResourceInstance address : occupied) {
            ResourceInstance last = follow(address);
            if (last != null && !last.equals(address)) {
                moves.put(address, last);
            }
        }
        List<String> blocked = new ArrayList<>();
        Set<ResourceInstance> taken = new HashSet<>();
        moves.entrySet().removeIf(e -> {
            boolean clash =
                    (occupied.contains(e.getValue()) && !moves.containsKey(e.getValue())) || !taken.add(e.getValue());
            if (clash) {
                blocked.add("  - " + e.getKey() + " could not move to " + e.getValue());
            }
            return clash;
        });
        if (!blocked.isEmpty()) {
            diagnostics.add(Diagnostic.warning(
                    "Unresolved resource instance address changes",
                    "Netform tried to "
                            + "adjust resource instance addresses in the prior state based on change information recorded "
                            + "in the configuration, but some adjustments did not succeed due to existing objects already "
                            + "at the intended addresses:\n" + String.join("\n", blocked)
                            + "\n\nNetform has planned these "
                            + "objects where they are. If that is not what you want, resolve the conflicts with the "
                            + "\"netform state\" subcommands and then plan again.",
                    null));
        }
        Map<ResourceInstance, ResourceInstance> previous = new LinkedHashMap<>();
        moves.forEach((from, to) -> previous.put(to, from));
        return new Result(StateEdits.relocate(prior, moves), previous);
    }

    /** Where the object at {@code address} ends up after every move that covers it; null after a cycle. */
    private ResourceInstance follow(ResourceInstance address) {
        ResourceInstance at = address;
        Set<ResourceInstance> seen = new LinkedHashSet<>(List.of(address));
        while (true) {
            ResourceInstance next = step(at);
            if (next == null) {
                return at;
            }
            if (!seen.add(next)) {
                diagnostics.add(Diagnostic.error(
                        "Cyclic dependency in move statements",
                        "The moved blocks form a "
                                + "cycle for " + address + ": "
                                + String.join(
                                        " -> ",
                                        seen.stream().map(Object::toString).toList()) + " -> " + next
                                + ". A chain of moves must end at an address nothing moves "
                                + "away from.",
                        null));
                return null;
            }
            at = next;
        }
    }

    /** The address one statement moves {@code at} to, or null when none covers it. */
    private ResourceInstance step(ResourceInstance at) {
        for (Statement s : statements) {
            List<ModuleInstance.Call> steps = at.module().steps();
            if (steps.size() < s.modulePath().size()
                    || !at.module()
                            .configPath()
                            .subList(0, s.modulePath().size())
                            .equals(s.modulePath())) {
                continue;
            }
            ModuleInstance base =
                    new ModuleInstance(steps.subList(0, s.modulePath().size()));
            ResourceInstance next = AddressMoves.moved(
                    at,
                    AddressMoves.absolute(s.block().from(), base),
                    AddressMoves.absolute(s.block().to(), base));
            if (next != null && !next.equals(at)) {
                return next;
            }
        }
        return null;
    }

    /** A whole resource or module call that moved away must be gone from the configuration. */
    private void checkSourcesRemoved() {
        for (Statement s : statements) {
            AddressParser.Target from = s.block().from();
            Module m = graph.module(s.modulePath());
            if (from instanceof AddressParser.ModuleTarget t) {
                Module within = m.descendant(t.module().parent().configPath());
                String call =
                        t.module().steps().get(t.module().steps().size() - 1).name();
                if (within != null
                        && within.calls().containsKey(call)
                        && !declares(t, s.block().to())) {
                    stillExists(s, "module call " + t.module());
                }
            } else if (from instanceof AddressParser.ResourceTarget t) {
                Module within = m.descendant(t.resource().module().configPath());
                if (within != null
                        && within.resources().containsKey(t.resource().resource())) {
                    stillExists(s, t.resource().toString());
                }
            }
        }
    }

    /** Whether a module move only changes instance keys of the same call (as adding count to it does). */
    private static boolean declares(AddressParser.ModuleTarget from, AddressParser.Target to) {
        return to instanceof AddressParser.ModuleTarget t
                && t.module().configPath().equals(from.module().configPath());
    }

    private void stillExists(Statement s, String what) {
        diagnostics.add(Diagnostic.error(
                "Moved object still exists",
                "This statement declares a move from " + what
                        + ", but that is still declared in the configuration. Change the \"from\" address to one that no "
                        + "longer exists, or remove its block.",
                s.block().range()));
    }
}
