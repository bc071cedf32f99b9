package io.netform.graph;

import io.netform.addrs.Resource;
import io.netform.config.Module;
import io.netform.graph.ConfigGraphBuilder.Context;
import io.netform.graph.Node.CallNode;
import io.netform.graph.Node.LocalNode;
import io.netform.graph.Node.OutputNode;
import io.netform.graph.Node.ResourceNode;
import io.netform.graph.Node.VariableNode;
import io.netform.hcl.Diagnostic;
import io.netform.lang.NameSuggestion;
import io.netform.lang.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a reference in a module refers to, or Terraform's diagnostic for a reference to nothing. */
final class ReferenceTargets {

    private ReferenceTargets() {}

    static List<Node> resolve(Module m, Reference ref, Context context, List<Diagnostic> diagnostics) {
        String first = ref.attrAt(0);
        String where = m.isRoot() ? "the root module" : "module." + String.join(".module.", m.path());
        switch (ref.root()) {
            case "var":
                if (first == null) {
                    return invalid(
                            ref,
                            "The \"var\" object cannot be accessed directly. Instead, access one of its "
                                    + "attributes.",
                            diagnostics);
                }
                if (!m.variables().containsKey(first)) {
                    return error(
                            ref,
                            "Reference to undeclared input variable",
                            "An input variable with the name \""
                                    + first + "\" has not been declared."
                                    + NameSuggestion.didYouMean(
                                            first, m.variables().keySet())
                                    + " This variable can be declared with a variable \"" + first
                                    + "\" {} block.",
                            diagnostics);
                }
                return List.of(new VariableNode(m.path(), first));
            case "local":
                if (first == null) {
                    return invalid(
                            ref,
                            "The \"local\" object cannot be accessed directly. Instead, access one of "
                                    + "its attributes.",
                            diagnostics);
                }
                if (!m.locals().containsKey(first)) {
                    return error(
                            ref,
                            "Reference to undeclared local value",
                            "A local value with the name \"" + first + "\" has not been declared."
                                    + NameSuggestion.didYouMean(
                                            first, m.locals().keySet()),
                            diagnostics);
                }
                return List.of(new LocalNode(m.path(), first));
            case "module":
                return module(m, ref, where, diagnostics);
            case "path":
                if (first == null || !Set.of("module", "root", "cwd").contains(first)) {
                    return error(
                            ref,
                            "Invalid \"path\" attribute",
                            "The \"path\" object does not have an attribute "
                                    + "named \"" + first
                                    + "\". The supported attributes are path.cwd, path.module, and "
                                    + "path.root.",
                            diagnostics);
                }
                return List.of();
            case "terraform":
                if (!"workspace".equals(first)) {
                    return error(
                            ref,
                            "Invalid \"terraform\" attribute",
                            "The \"terraform\" object does not have an "
                                    + "attribute named \"" + first + "\". The only supported attribute is "
                                    + "terraform.workspace.",
                            diagnostics);
                }
                return List.of();
            case "count":
                if (context != Context.COUNT) {
                    return error(
                            ref,
                            "Reference to \"count\" in non-counted context",
                            "The \"count\" object can "
                                    + "only be used in \"module\", \"resource\", and \"data\" blocks, and only when the "
                                    + "\"count\" argument is set.",
                            diagnostics);
                }
                return List.of();
            case "each":
                if (context != Context.FOR_EACH) {
                    return error(
                            ref,
                            "Reference to \"each\" in context without for_each",
                            "The \"each\" object can "
                                    + "be used only in \"module\" or \"resource\" blocks, and only when the \"for_each\" "
                                    + "argument is set.",
                            diagnostics);
                }
                return List.of();
            case "self":
                return error(
                        ref,
                        "Invalid \"self\" reference",
                        "The \"self\" object is not available in this "
                                + "context. This object can be used only in resource provisioner, connection, and "
                                + "postcondition blocks.",
                        diagnostics);
            default:
                return resource(m, ref, where, diagnostics);
        }
    }

    private static List<Node> module(Module m, Reference ref, String where, List<Diagnostic> diagnostics) {
        String call = ref.attrAt(0);
        if (call == null) {
            return invalid(
                    ref,
                    "The \"module\" object cannot be accessed directly. Instead, access one of its " + "attributes.",
                    diagnostics);
        }
        Module child = m.children().get(call);
        if (!m.calls().containsKey(call)) {
            return error(
                    ref,
                    "Reference to undeclared module",
                    "No module call named \"" + call + "\" is declared in " + where + "."
                            + NameSuggestion.didYouMean(call, m.calls().keySet()),
                    diagnostics);
        }
        List<Node> targets = new ArrayList<>();
        targets.add(new CallNode(m.path(), call));
        if (child == null) {
            return targets;
        }
        // module.NAME.OUTPUT, or module.NAME["key"].OUTPUT, or the whole module object.
        String output = ref.attrAt(1) != null ? ref.attrAt(1) : ref.attrAt(2);
        if (output != null && child.outputs().containsKey(output)) {
            targets.add(new OutputNode(child.path(), output));
        } else if (output != null && ref.steps().size() >= 2) {
            return error(
                    ref,
                    "Unsupported attribute",
                    "This object does not have an attribute named \"" + output + "\"."
                            + NameSuggestion.didYouMean(output, child.outputs().keySet()),
                    diagnostics);
        } else {
            child.outputs().keySet().forEach(o -> targets.add(new OutputNode(child.path(), o)));
        }
        return targets;
    }

    private static List<Node> resource(Module m, Reference ref, String where, List<Diagnostic> diagnostics) {
        Resource r = ConfigGraphBuilder.resourceOf(ref);
        boolean data = ref.root().equals("data");
        if (r == null) {
            return invalid(
                    ref,
                    data
                            ? "A reference to a data source must be followed by at least one attribute "
                                    + "access, specifying the resource name."
                            : "A reference to a resource type must be followed by "
                                    + "at least one attribute access, specifying the resource name.",
                    diagnostics);
        }
        if (!m.resources().containsKey(r) && m.checkScoping(r) != null) {
            return error(
                    ref,
                    "Reference to scoped resource",
                    "The referenced data resource \"" + r.type() + "\" \""
                            + r.name() + "\" is scoped to check \""
                            + m.checkScoping(r).name() + "\": it can be used only "
                            + "inside that check block.",
                    diagnostics);
        }
        if (!m.resources().containsKey(r)) {
            return error(
                    ref,
                    "Reference to undeclared resource",
                    "A " + (data ? "data" : "managed") + " resource \"" + r.type() + "\" \"" + r.name()
                            + "\" has not been declared in " + where + ".",
                    diagnostics);
        }
        return List.of(new ResourceNode(m.path(), r));
    }

    private static List<Node> invalid(Reference ref, String detail, List<Diagnostic> diagnostics) {
        return error(ref, "Invalid reference", detail, diagnostics);
    }

    private static List<Node> error(Reference ref, String summary, String detail, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.error(summary, detail, ref.range()));
        return List.of();
    }
}
