package io.netform.planner;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ResourceInstance;
import io.netform.config.ImportBlock;
import io.netform.config.Module;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.Expansion;
import io.netform.walk.Repetition;
import io.netform.walk.WalkContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import blocks of a plan (the configuration's and any the command adds), grouped by the
 * resource they import into, and evaluated to instance keys and ids when that resource is planned.
 */
final class ImportTargets {

    private final Map<AbsResource, List<ImportBlock>> byResource = new HashMap<>();

    ImportTargets(List<ImportBlock> blocks) {
        blocks.forEach(b ->
                byResource.computeIfAbsent(b.resource(), r -> new ArrayList<>()).add(b));
    }

    /** Whether nothing is imported. */
    boolean isEmpty() {
        return byResource.isEmpty();
    }

    /** Every import block, grouped by its target resource. */
    Map<AbsResource, List<ImportBlock>> all() {
        return byResource;
    }

    /**
     * The ids to import into instances of {@code resource}, by instance key; blocks that fail to
     * evaluate are reported and left out.
     */
    Map<InstanceKey, Import> evaluate(WalkContext context, AbsResource resource) {
        List<ImportBlock> blocks = byResource.get(resource);
        Map<InstanceKey, Import> out = new LinkedHashMap<>();
        if (blocks == null) {
            return out;
        }
        Module root = context.graph().module(List.of());
        for (ImportBlock block : blocks) {
            Expansion each = block.forEach() == null
                    ? Expansion.SINGLE
                    : context.expand(root, ModuleInstance.ROOT, null, block.forEach());
            for (InstanceKey k : each.keys()) {
                Repetition r = block.forEach() == null ? Repetition.NONE : Repetition.of(each, k);
                InstanceKey key = key(context, root, r, block);
                String id = id(context, root, r, block);
                if (key != null && id != null) {
                    Import previous = out.put(key, new Import(resource.instance(key), id, block.range()));
                    if (previous != null) {
                        context.report(Diagnostic.error(
                                "Duplicate import configuration for \"" + resource.instance(key) + "\"",
                                "An import block for the same target was already "
                                        + "declared at " + previous.range()
                                        + ". A resource instance can be imported only "
                                        + "once.",
                                block.range()));
                    }
                }
            }
        }
        return out;
    }

    /** One instance to import and the id to import it by. */
    record Import(ResourceInstance address, String id, SourceRange range) {}

    private static InstanceKey key(WalkContext context, Module root, Repetition r, ImportBlock block) {
        Expression e = block.key();
        if (e == null) {
            return InstanceKey.NONE;
        }
        Value v = context.evaluate(root, ModuleInstance.ROOT, r, e);
        if (!v.isWhollyKnown() || v.isNull() || (v.type() != Type.NUMBER && v.type() != Type.STRING)) {
            context.report(Diagnostic.error(
                    "Invalid import address",
                    "The instance key of the import address must " + "be a known number or string.",
                    e.range()));
            return null;
        }
        return v.type() == Type.NUMBER ? InstanceKey.of(v.asBigDecimal().intValue()) : InstanceKey.of(v.asString());
    }

    private static String id(WalkContext context, Module root, Repetition r, ImportBlock block) {
        Value v = context.evaluate(root, ModuleInstance.ROOT, r, block.id()).unmarkDeep();
        if (!v.isWhollyKnown()) {
            context.report(Diagnostic.error(
                    "Invalid import id argument",
                    "The import block \"id\" argument depends "
                            + "on resource attributes that cannot be determined until apply, so Netform cannot plan to "
                            + "import this resource.",
                    block.id().range()));
            return null;
        }
        try {
            v = io.netform.value.Conversion.convert(v, Type.STRING);
        } catch (io.netform.value.ConversionException e) {
            v = Value.nullOf(Type.STRING);
        }
        if (v.isNull() || v.asString().isEmpty()) {
            context.report(Diagnostic.error(
                    "Invalid import id argument",
                    "The import block \"id\" argument must be " + "a non-empty string.",
                    block.id().range()));
            return null;
        }
        return v.asString();
    }
}
