package io.netform.provider;

import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a planned state from prior, proposed and config under tfplugin6's rules: configured
 * values stand; unset attributes take their default; computed attributes the user left unset
 * become unknown when the object will be created (or replaced) and keep their prior value
 * otherwise; a change to a force-new attribute or block, at any depth, asks for replacement.
 */
final class ResourcePlanner {

    /** The planned state and the paths whose change forces a replacement. */
    record Planned(Value state, List<AttributePath> requiresReplace) {}

    private ResourcePlanner() {}

    static Planned plan(Schema schema, Value prior, Value proposed, Value config) {
        if (proposed.isNull() || !proposed.isKnown()) {
            return new Planned(proposed, List.of());
        }
        SchemaBlock root = schema.block();
        boolean create = prior.isNull();
        Value planned = planObject(root, proposed, config, create);
        List<AttributePath> replace = create ? List.of() : ReplacementPaths.of(root, prior, planned);
        if (!replace.isEmpty()) {
            // A replacement creates a new object, whose computed values are not known yet.
            planned = planObject(root, proposed, config, true);
        }
        return new Planned(planned, replace);
    }

    private static Value planObject(SchemaBlock block, Value proposed, Value config, boolean fresh) {
        Map<String, Value> planned = new HashMap<>();
        for (SchemaAttribute attribute : block.attributes().values()) {
            Value configured = config.getAttr(attribute.name());
            if (!configured.isNull()) {
                continue;
            }
            if (attribute.defaultValue() != null) {
                planned.put(attribute.name(), attribute.defaultValue());
            } else if (attribute.isComputed() && fresh) {
                planned.put(attribute.name(), Value.unknown(attribute.type()));
            }
        }
        for (NestedBlock nested : block.blockTypes().values()) {
            String name = nested.typeName();
            planned.put(name, planNested(nested, proposed.getAttr(name), config.getAttr(name), fresh));
        }
        return proposed.withAttributes(planned);
    }

    /** The planned value of a nested block; collections take their type from their elements. */
    private static Value planNested(NestedBlock nested, Value proposed, Value config, boolean fresh) {
        if (proposed.isNull()
                || !proposed.isKnown()
                || config.isNull()
                || !config.isKnown()
                || proposed.length() == 0) {
            return proposed;
        }
        SchemaBlock block = nested.block();
        return switch (nested.nesting()) {
            case SINGLE, GROUP -> planObject(block, proposed, config, fresh);
            case LIST -> {
                List<Value> planned = new ArrayList<>();
                List<Value> proposedItems = proposed.elements();
                List<Value> configItems = config.elements();
                if (proposedItems.size() != configItems.size()) {
                    yield proposed;
                }
                for (int i = 0; i < proposedItems.size(); i++) {
                    planned.add(planObject(block, proposedItems.get(i), configItems.get(i), fresh));
                }
                yield Value.list(planned);
            }
            case SET -> {
                // Set elements cannot be paired with config elements; each is its own config.
                List<Value> planned = new ArrayList<>();
                proposed.elements().forEach(item -> planned.add(planObject(block, item, item, fresh)));
                yield Value.set(planned.get(0).type(), planned);
            }
            case MAP -> {
                Map<String, Value> planned = new TreeMap<>();
                Map<String, Value> configItems = config.asMap();
                proposed.asMap()
                        .forEach((key, item) ->
                                planned.put(key, planObject(block, item, configItems.getOrDefault(key, item), fresh)));
                yield Value.map(planned.values().iterator().next().type(), planned);
            }
        };
    }
}
