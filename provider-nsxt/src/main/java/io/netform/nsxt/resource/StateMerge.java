package io.netform.nsxt.resource;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a state read from NSX is put together with the planned or prior state. */
final class StateMerge {

    private StateMerge() {}

    /**
     * The planned state with each unknown replaced by what NSX stored: the protocol's rule that an
     * applied state keeps every known planned value.
     */
    static Value fillUnknowns(Value planned, Value stored) {
        if (!planned.isKnown()) {
            return stored;
        }
        if (planned.isNull() || planned.isWhollyKnown()) {
            return planned;
        }
        Type type = planned.type();
        if (type instanceof Type.ObjectType) {
            Map<String, Value> out = new LinkedHashMap<>();
            planned.asMap()
                    .forEach((name, value) ->
                            out.put(name, stored.isNull() ? value : fillUnknowns(value, stored.getAttr(name))));
            return Value.object(out);
        }
        if (type instanceof Type.ListType && !stored.isNull() && stored.length() == planned.length()) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < planned.length(); i++) {
                out.add(fillUnknowns(
                        planned.elements().get(i), stored.elements().get(i)));
            }
            return Value.list(type.elementType(), out);
        }
        return stored;
    }

    /**
     * What NSX returned, with an absent collection or block read back as the prior state had it
     * (null or empty): NSX does not tell the two apart, so neither is a change.
     */
    static Value likePrior(Value prior, Value read) {
        if (prior.isNull() || read.isNull() && !prior.type().isCollection()) {
            return read;
        }
        if (emptyOrNull(prior) && emptyOrNull(read)) {
            return prior;
        }
        Type type = read.type();
        if (type instanceof Type.ObjectType && !read.isNull()) {
            Map<String, Value> out = new LinkedHashMap<>();
            read.asMap()
                    .forEach((name, value) ->
                            out.put(name, prior.hasAttribute(name) ? likePrior(prior.getAttr(name), value) : value));
            return Value.object(out);
        }
        if (type instanceof Type.ListType && !read.isNull() && read.length() == prior.length()) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < read.length(); i++) {
                out.add(likePrior(prior.elements().get(i), read.elements().get(i)));
            }
            return Value.list(type.elementType(), out);
        }
        return read;
    }

    private static boolean emptyOrNull(Value value) {
        return value.isNull() || value.isKnown() && value.type().isCollection() && value.length() == 0;
    }
}
