package io.netform.lang;

import io.netform.value.BigFloat;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.TypeNames;
import io.netform.value.Value;

/** Attribute access and indexing with HCL's rules for nulls, unknowns, maps, objects and sequences. */
final class Access {

    private Access() {}

    /** {@code v.name}. */
    static Value getAttr(Value v, String name) throws EvalFailure {
        Type t = v.type();
        if (v.isNull()) {
            throw new EvalFailure(
                    "Attempt to get attribute from null value",
                    "This value is null, so it does not have any attributes.");
        }
        if (t == Type.DYNAMIC) {
            return Value.unknown(Type.DYNAMIC).withMarks(v.marks());
        }
        if (t instanceof Type.ObjectType o) {
            if (!o.hasAttribute(name)) {
                throw new EvalFailure(
                        "Unsupported attribute", "This object does not have an attribute named \"" + name + "\".");
            }
            return v.getAttr(name);
        }
        if (t instanceof Type.MapType m) {
            if (!v.isKnown()) {
                return Value.unknown(m.elementType()).withMarks(v.marks());
            }
            if (!v.asMap().containsKey(name)) {
                throw new EvalFailure(
                        "Missing map element", "This map does not have an element with the key \"" + name + "\".");
            }
            return v.index(name);
        }
        throw new EvalFailure("Unsupported attribute", noAttributes(t, name));
    }

    /** Why a value of type {@code t}, neither object nor map, has no attribute {@code name}. */
    private static String noAttributes(Type t, String name) {
        if (t instanceof Type.ListType && t.elementType() instanceof Type.ObjectType element) {
            return element.hasAttribute(name)
                    ? "Can't access attributes on a list of objects. Did you mean to access attribute "
                            + Value.quote(name) + " for a specific element of the list, or across all elements "
                            + "of the list?"
                    : "Can't access attributes on a list of objects. Did you mean to access an attribute for a "
                            + "specific element of the list, or across all elements of the list?";
        }
        if (t instanceof Type.SetType && t.elementType() instanceof Type.ObjectType) {
            return "Can't access attributes on a set of objects. Did you mean to access an attribute across all "
                    + "elements of the set?";
        }
        if (t.isPrimitive()) {
            return "Can't access attributes on a primitive-typed value (" + TypeNames.ofValueType(t) + ").";
        }
        return "This value does not have any attributes.";
    }

    /** {@code collection[key]}. */
    static Value index(Value collection, Value key) throws EvalFailure {
        if (collection.isNull()) {
            throw new EvalFailure(
                    "Attempt to index null value", "This value is null, so it does not have any indices.");
        }
        if (key.isNull()) {
            throw new EvalFailure("Invalid index", "Can't use a null value as an indexing key.");
        }
        Type t = collection.type();
        if (t instanceof Type.SetType) {
            throw new EvalFailure(
                    "Invalid index",
                    "Elements of a set are identified only by their value and "
                            + "don't have any separate index or key to select with, so it's only possible to perform "
                            + "operations across all elements of the set.");
        }
        boolean sequence = t instanceof Type.ListType || t instanceof Type.TupleType;
        boolean keyed = t instanceof Type.MapType || t instanceof Type.ObjectType;
        if (!sequence && !keyed && t != Type.DYNAMIC) {
            throw new EvalFailure("Invalid index", "This value does not have any indices.");
        }
        if (!collection.isKnown() || !key.isKnown() || t == Type.DYNAMIC) {
            Type element = t instanceof Type.ListType l
                    ? l.elementType()
                    : t instanceof Type.MapType m ? m.elementType() : Type.DYNAMIC;
            return Value.unknown(element).withMarks(collection.marks()).withMarks(key.marks());
        }
        Value result = sequence ? indexSequence(collection, key) : indexKeyed(collection, key);
        return result.withMarks(key.marks());
    }

    private static Value indexSequence(Value collection, Value key) throws EvalFailure {
        BigFloat n;
        try {
            n = Conversion.convert(key.unmark(), Type.NUMBER).asBigFloat();
        } catch (ConversionException e) {
            throw new EvalFailure(
                    "Invalid index",
                    "The given key does not identify an element in this " + "collection value: " + e.getMessage()
                            + ".");
        }
        // an infinity has no whole value either, so cty calls it fractional too
        boolean fractional = !n.isInteger();
        if (fractional || n.isNegative() && !n.isZero() || n.compareTo(BigFloat.of(collection.length())) >= 0) {
            String why = fractional
                    ? "indexing a sequence requires a whole number, but the given index has a fractional part"
                    : n.isNegative()
                            ? "a negative number is not a valid index for a sequence"
                            : collection.length() == 0
                                    ? "the collection has no elements"
                                    : "the given index is greater than or equal to the length of the collection";
            throw new EvalFailure(
                    "Invalid index",
                    "The given key does not identify an element in this collection value: " + why + ".");
        }
        return collection.index(n.truncated().longValueExact());
    }

    private static Value indexKeyed(Value collection, Value key) throws EvalFailure {
        String k;
        try {
            k = Conversion.convert(key.unmark(), Type.STRING).asString();
        } catch (ConversionException e) {
            throw new EvalFailure(
                    "Invalid index",
                    "The given key does not identify an element in this " + "collection value: " + e.getMessage()
                            + ".");
        }
        if (collection.type() instanceof Type.ObjectType o) {
            if (!o.hasAttribute(k)) {
                String suggestion = key.unmark().type() == Type.NUMBER
                        ? " An object only supports looking up attributes by name, not by numeric index."
                        : "";
                throw new EvalFailure(
                        "Invalid index",
                        "The given key does not identify an element in this collection value." + suggestion);
            }
            return collection.getAttr(k);
        }
        if (!collection.asMap().containsKey(k)) {
            throw new EvalFailure(
                    "Invalid index", "The given key does not identify an element in this collection value.");
        }
        return collection.index(k);
    }
}
