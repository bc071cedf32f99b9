package io.netform.kubernetes.schema;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server drops empty maps and lists ({@code labels = {}} reads back as no labels); a read
 * keeps the state's empty collection where the server has nothing, so that it is not drift.
 */
public final class EmptyCollections {

    private EmptyCollections() {}

    /** {@code read}, with {@code prior}'s empty collections wherever {@code read} is null. */
    public static Value keep(Value prior, Value read) {
        if (prior == null || prior.isNull() || !prior.isKnown()) {
            return read;
        }
        if (read.isNull()) {
            return prior.type().isCollection() && prior.length() == 0 ? prior : read;
        }
        if (!read.isKnown()) {
            return read;
        }
        Type type = read.type();
        if (type instanceof Type.ObjectType object && prior.type() instanceof Type.ObjectType) {
            Map<String, Value> kept = new LinkedHashMap<>();
            object.attributeTypes().keySet().forEach(name -> {
                if (prior.hasAttribute(name)) {
                    kept.put(name, keep(prior.getAttr(name), read.getAttr(name)));
                }
            });
            return read.withAttributes(kept);
        }
        if (type instanceof Type.ListType list
                && list.elementType() instanceof Type.ObjectType
                && prior.length() == read.length()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < read.length(); i++) {
                items.add(keep(prior.elements().get(i), read.elements().get(i)));
            }
            return Value.list(list.elementType(), items);
        }
        return read;
    }
}
