package io.netform.walk;

import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposed new state the engine offers a provider to plan from, as Terraform's core builds it:
 * configured values win; a computed attribute the configuration leaves null keeps its prior value;
 * nested blocks are matched with their prior selves by position, key, or (in sets) by their
 * configured attributes.
 */
public final class ProposedNewState {

    private ProposedNewState() {}

    /** The proposal from {@code prior} (possibly a null value) and {@code config}. */
    public static Value of(SchemaBlock schema, Value prior, Value config) {
        if (config.isNull() || !config.isKnown()) {
            return config;
        }
        Value p = prior.isNull() || !prior.isKnown() ? null : prior;
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (SchemaAttribute a : schema.attributes().values()) {
            Value configured = config.getAttr(a.name());
            Value before = p == null ? Value.nullOf(a.type()) : p.getAttr(a.name());
            attrs.put(a.name(), a.isComputed() && configured.isNull() ? before : configured);
        }
        for (NestedBlock b : schema.blockTypes().values()) {
            Value configured = config.getAttr(b.typeName());
            Value before = p == null ? Value.nullOf(b.impliedType()) : p.getAttr(b.typeName());
            attrs.put(b.typeName(), nested(b, before, configured));
        }
        return Value.object(attrs).withMarks(config.marks());
    }

    private static Value nested(NestedBlock b, Value prior, Value config) {
        if (!config.isKnown() || config.isNull()) {
            return config;
        }
        boolean priorUsable = prior.isKnown() && !prior.isNull();
        Type object = b.block().impliedType();
        switch (b.nesting()) {
            case SINGLE, GROUP:
                return of(b.block(), priorUsable ? prior : Value.nullOf(object), config);
            case LIST: {
                List<Value> priors = priorUsable ? prior.elements() : List.of();
                List<Value> out = new ArrayList<>();
                List<Value> configs = config.elements();
                for (int i = 0; i < configs.size(); i++) {
                    out.add(of(b.block(), i < priors.size() ? priors.get(i) : Value.nullOf(object), configs.get(i)));
                }
                return Value.list(object, out).withMarks(config.marks());
            }
            case MAP: {
                Map<String, Value> out = new LinkedHashMap<>();
                for (var e : config.asMap().entrySet()) {
                    Value before = priorUsable && prior.asMap().containsKey(e.getKey())
                            ? prior.index(e.getKey())
                            : Value.nullOf(object);
                    out.put(e.getKey(), of(b.block(), before, e.getValue()));
                }
                return Value.map(object, out).withMarks(config.marks());
            }
            default: {
                List<Value> priors = priorUsable ? new ArrayList<>(prior.elements()) : new ArrayList<>();
                List<Value> out = new ArrayList<>();
                for (Value c : config.elements()) {
                    Value match = Value.nullOf(object);
                    for (Value candidate : priors) {
                        if (sameConfiguredAttributes(b.block(), candidate, c)) {
                            match = candidate;
                            priors.remove(candidate);
                            break;
                        }
                    }
                    out.add(of(b.block(), match, c));
                }
                return Value.set(object, out).withMarks(config.marks());
            }
        }
    }

    /** Whether a prior set element is the configured one: every non-computed attribute is equal. */
    private static boolean sameConfiguredAttributes(SchemaBlock schema, Value prior, Value config) {
        if (!prior.isKnown() || !config.isKnown()) {
            return false;
        }
        for (SchemaAttribute a : schema.attributes().values()) {
            if (!a.isComputed()
                    && !prior.getAttr(a.name())
                            .unmarkDeep()
                            .equals(config.getAttr(a.name()).unmarkDeep())) {
                return false;
            }
        }
        return true;
    }
}
