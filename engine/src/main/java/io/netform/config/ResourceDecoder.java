package io.netform.config;

import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.value.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes a {@code resource} or {@code data} block: its meta-arguments here, the rest left for the provider. */
final class ResourceDecoder {

    private static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on");

    private ResourceDecoder() {}

    static ResourceConfig decode(Resource address, Block b, List<Diagnostic> diagnostics) {
        BodyContent c = BodyDecoder.partial(META, Map.of("lifecycle", 0, "connection", 0, "provisioner", 1))
                .decode(b.body(), "resource", diagnostics);
        Expression count = c.attribute("count").map(Attribute::expression).orElse(null);
        Expression forEach = c.attribute("for_each").map(Attribute::expression).orElse(null);
        if (count != null && forEach != null) {
            diagnostics.add(Diagnostic.error(
                    "Invalid combination of \"count\" and \"for_each\"",
                    "The \"count\" and "
                            + "\"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit "
                            + "about the number of resources to be created.",
                    c.attributes().get("for_each").nameRange()));
        }
        String provider = c.attribute("provider")
                .map(a -> Literals.traversalName(a.expression(), "provider reference", diagnostics))
                .orElse(ResourceConfig.impliedProvider(address.type()));
        Lifecycle lifecycle = Lifecycle.DEFAULT;
        for (Block nested : c.blocks()) {
            if (nested.type().equals("lifecycle")) {
                lifecycle = lifecycle(nested, address.mode(), diagnostics);
            } else {
                diagnostics.add(Diagnostic.error(
                        "Unsupported block type",
                        "Netform does not run provisioners; " + "\"" + nested.type() + "\" blocks are not supported.",
                        nested.typeRange()));
            }
        }
        return new ResourceConfig(
                address,
                count,
                forEach,
                provider,
                ModuleDecoder.dependsOn(c),
                lifecycle,
                c.remaining(),
                b.labels().get(1).range());
    }

    private static Lifecycle lifecycle(Block b, ResourceMode mode, List<Diagnostic> diagnostics) {
        Set<String> allowed = mode == ResourceMode.DATA
                ? Set.of()
                : Set.of("create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by");
        BodyContent c = BodyDecoder.of(allowed, Set.of(), Map.of("precondition", 0, "postcondition", 0))
                .decode(b.body(), "lifecycle", diagnostics);
        boolean cbd = c.attribute("create_before_destroy")
                .map(a -> Literals.bool(a.expression(), "create_before_destroy", false, diagnostics))
                .orElse(false);
        boolean prevent = c.attribute("prevent_destroy")
                .map(a -> Literals.bool(a.expression(), "prevent_destroy", false, diagnostics))
                .orElse(false);
        boolean ignoreAll = false;
        List<AttributePath> ignore = new ArrayList<>();
        var ignoreAttr = c.attribute("ignore_changes");
        if (ignoreAttr.isPresent()) {
            Expression e = ignoreAttr.get().expression();
            if (e instanceof Expression.Identifier v && v.name().equals("all")) {
                ignoreAll = true;
            } else {
                for (Expression element : ModuleDecoder.elementsOf(e)) {
                    AttributePath path = attributePath(element, diagnostics);
                    if (path != null) {
                        ignore.add(path);
                    }
                }
            }
        }
        List<ReplaceTrigger> triggers = new ArrayList<>();
        c.attribute("replace_triggered_by").ifPresent(a -> {
            if (!(a.expression() instanceof Expression.Tuple)) {
                diagnostics.add(Diagnostic.error(
                        "Invalid expression",
                        "A static list expression is required.",
                        a.expression().range()));
                return;
            }
            for (Expression element : ModuleDecoder.elementsOf(a.expression())) {
                ReplaceTrigger trigger = ReplaceTrigger.decode(element, diagnostics);
                if (trigger != null) {
                    triggers.add(trigger);
                }
            }
        });
        return new Lifecycle(
                cbd,
                prevent,
                ignoreAll,
                ignore,
                triggers,
                ConditionDecoder.all(c.blocks(), "precondition", diagnostics),
                ConditionDecoder.all(c.blocks(), "postcondition", diagnostics));
    }

    /** {@code tags["env"]} or {@code subnet[0].cidr} as a path into the resource's own attributes. */
    private static AttributePath attributePath(Expression e, List<Diagnostic> diagnostics) {
        if (e instanceof Expression.Identifier v) {
            return AttributePath.root().attr(v.name());
        }
        if (e instanceof Expression.GetAttr g) {
            AttributePath source = attributePath(g.source(), diagnostics);
            return source == null ? null : source.attr(g.name());
        }
        if (e instanceof Expression.Index i) {
            AttributePath source = attributePath(i.source(), diagnostics);
            if (source == null) {
                return null;
            }
            if (i.key() instanceof Expression.NumberLiteral n) {
                return source.index(n.value().longValue());
            }
            String key = Literals.string(i.key(), "an ignore_changes key", diagnostics);
            return key == null ? null : source.key(key);
        }
        diagnostics.add(Diagnostic.error(
                "Invalid ignore_changes entry",
                "Each entry of ignore_changes must be an "
                        + "attribute of this resource, such as tags or tags[\"env\"].",
                e.range()));
        return null;
    }
}
