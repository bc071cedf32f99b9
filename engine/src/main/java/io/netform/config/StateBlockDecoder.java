package io.netform.config;

import io.netform.addrs.AddressMoves;
import io.netform.addrs.AddressParser;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes {@code import}, {@code moved} and {@code removed} blocks, collecting them for one module. */
final class StateBlockDecoder {

    private final List<String> modulePath;
    private final List<Diagnostic> diagnostics;
    private final List<ImportBlock> imports = new ArrayList<>();
    private final List<MovedBlock> moves = new ArrayList<>();
    private final List<RemovedBlock> removals = new ArrayList<>();

    StateBlockDecoder(List<String> modulePath, List<Diagnostic> diagnostics) {
        this.modulePath = modulePath;
        this.diagnostics = diagnostics;
    }

    /** What was decoded so far. */
    StateBlocks blocks() {
        return new StateBlocks(imports, moves, removals);
    }

    void importBlock(Block b) {
        BodyContent c = BodyDecoder.of(Set.of("to", "id", "for_each", "provider"), Set.of("to", "id"), Map.of())
                .decode(b.body(), "import", diagnostics);
        if (!modulePath.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid import configuration",
                    "An import block was detected in \"" + String.join(".", modulePath)
                            + "\". Import blocks are only allowed in the root module.",
                    b.typeRange()));
            return;
        }
        if (c.attribute("to").isEmpty() || c.attribute("id").isEmpty()) {
            return;
        }
        Expression forEach = c.attribute("for_each").map(Attribute::expression).orElse(null);
        TraversalAddress to = TraversalAddress.read(
                c.attributes().get("to").expression(), "import address", forEach != null, diagnostics);
        if (to == null) {
            return;
        }
        AddressParser.Target target = to.target();
        if (target instanceof AddressParser.ModuleTarget
                || to.dynamicKey() != null && !(target instanceof AddressParser.ResourceTarget)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid import address",
                    "The import address must name a resource " + "or a resource instance, not a module.",
                    c.attributes().get("to").expression().range()));
            return;
        }
        var resource = AddressMoves.resourceOf(target);
        if (resource.resource().mode() == io.netform.addrs.ResourceMode.DATA) {
            diagnostics.add(Diagnostic.error(
                    "Invalid import address",
                    "Only managed resources can be imported; " + resource + " is a data source.",
                    c.attributes().get("to").expression().range()));
            return;
        }
        Expression key = to.dynamicKey() != null
                ? to.dynamicKey()
                : target instanceof AddressParser.ResourceInstanceTarget i
                        ? ImportBlock.keyLiteral(
                                i.instance().key(),
                                c.attributes().get("to").expression().range())
                        : null;
        imports.add(new ImportBlock(resource, key, c.attributes().get("id").expression(), forEach, b.typeRange()));
    }

    void moved(Block b) {
        BodyContent c = BodyDecoder.of(Set.of("from", "to"), Set.of("from", "to"), Map.of())
                .decode(b.body(), "moved", diagnostics);
        if (c.attribute("from").isEmpty() || c.attribute("to").isEmpty()) {
            return;
        }
        TraversalAddress from =
                TraversalAddress.read(c.attributes().get("from").expression(), "\"from\" address", false, diagnostics);
        TraversalAddress to =
                TraversalAddress.read(c.attributes().get("to").expression(), "\"to\" address", false, diagnostics);
        if (from == null || to == null) {
            return;
        }
        String mismatch = AddressMoves.mismatch(from.target(), to.target());
        if (mismatch != null) {
            diagnostics.add(Diagnostic.error("Invalid \"moved\" addresses", mismatch, b.typeRange()));
            return;
        }
        moves.add(new MovedBlock(from.target(), to.target(), b.typeRange()));
    }

    void removed(Block b) {
        BodyContent c = BodyDecoder.of(
                        Set.of("from"), Set.of("from"), Map.of("lifecycle", 0, "provisioner", 1, "connection", 0))
                .decode(b.body(), "removed", diagnostics);
        if (c.attribute("from").isEmpty()) {
            return;
        }
        TraversalAddress from =
                TraversalAddress.read(c.attributes().get("from").expression(), "\"from\" address", false, diagnostics);
        if (from == null) {
            return;
        }
        if (from.target() instanceof AddressParser.ResourceInstanceTarget) {
            diagnostics.add(Diagnostic.error(
                    "Resource instance keys not allowed",
                    "Resource address must be a "
                            + "resource (e.g. \"testing_object.a\") or a module (e.g. \"module.net\"), not a resource "
                            + "instance: removed blocks apply to every instance.",
                    c.attributes().get("from").expression().range()));
            return;
        }
        boolean destroy = true;
        for (Block nested : c.blocks()) {
            if (nested.type().equals("lifecycle")) {
                BodyContent l = BodyDecoder.of(Set.of("destroy"), Set.of("destroy"), Map.of())
                        .decode(nested.body(), "lifecycle", diagnostics);
                destroy = l.attribute("destroy")
                        .map(a -> Literals.bool(a.expression(), "destroy", true, diagnostics))
                        .orElse(true);
            } else {
                diagnostics.add(Diagnostic.error(
                        "Unsupported block type",
                        "Netform does not run provisioners; \"" + nested.type() + "\" blocks are not supported.",
                        nested.typeRange()));
            }
        }
        removals.add(new RemovedBlock(from.target(), destroy, b.typeRange()));
    }
}
