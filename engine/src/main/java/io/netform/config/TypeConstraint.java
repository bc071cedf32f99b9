package io.netform.config;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variable's {@code type}: the type values are converted to, and the defaults that
 * {@code optional(T, default)} gives to object attributes left null.
 */
public record TypeConstraint(Type type, Defaults defaults) {

    /** The constraint {@code any}: no conversion, no defaults. */
    public static final TypeConstraint ANY = new TypeConstraint(Type.DYNAMIC, Defaults.NONE);

    /**
     * Defaults for the attributes of an object type ({@code attributes}), and for the types nested in it
     * ({@code children}, keyed by attribute name, or by {@code ""} for the elements of a collection).
     */
    public record Defaults(Map<String, Value> attributes, Map<String, Defaults> children) {
        /** No defaults anywhere. */
        public static final Defaults NONE = new Defaults(Map.of(), Map.of());

        public Defaults {
            attributes = Map.copyOf(attributes);
            children = Map.copyOf(children);
        }

        boolean isEmpty() {
            return attributes.isEmpty() && children.isEmpty();
        }
    }

    /**
     * Converts {@code value} to this type and fills in the defaults.
     *
     * @throws ConversionException naming the attribute path that does not fit
     */
    public Value apply(Value value) throws ConversionException {
        Value converted = Conversion.convert(value, type);
        return defaults.isEmpty() ? converted : withDefaults(converted, defaults);
    }

    private static Value withDefaults(Value v, Defaults d) throws ConversionException {
        if (v.isNull() || !v.isKnown()) {
            return v;
        }
        Type t = v.type();
        if (t instanceof Type.ObjectType o) {
            Map<String, Value> attrs = new LinkedHashMap<>(v.asMap());
            for (var e : d.attributes().entrySet()) {
                Value current = attrs.get(e.getKey());
                if (current != null && current.isNull()) {
                    attrs.put(e.getKey(), Conversion.convert(e.getValue(), o.attributeType(e.getKey())));
                }
            }
            for (var e : d.children().entrySet()) {
                Value current = attrs.get(e.getKey());
                if (current != null) {
                    attrs.put(e.getKey(), withDefaults(current, e.getValue()));
                }
            }
            return Value.object(attrs).withMarks(v.marks());
        }
        Defaults element = d.children().get("");
        if (element == null) {
            return v;
        }
        if (t instanceof Type.MapType m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (var e : v.asMap().entrySet()) {
                entries.put(e.getKey(), withDefaults(e.getValue(), element));
            }
            return Value.map(m.elementType(), entries).withMarks(v.marks());
        }
        List<Value> elements = new ArrayList<>();
        for (Value e : v.elements()) {
            elements.add(withDefaults(e, element));
        }
        if (t instanceof Type.SetType s) {
            return Value.set(s.elementType(), elements).withMarks(v.marks());
        }
        if (t instanceof Type.ListType l) {
            return Value.list(l.elementType(), elements).withMarks(v.marks());
        }
        return v;
    }
}
