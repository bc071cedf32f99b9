package io.netform.provider;

import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The paths whose change from prior to planned state forces a replacement: force-new attributes
 * and force-new blocks at any depth, named down to the list index or map key of their block. Set
 * elements have no position a path could name, so a change inside a set names the set.
 */
final class ReplacementPaths {

    private ReplacementPaths() {}

    static List<AttributePath> of(SchemaBlock root, Value prior, Value planned) {
        List<AttributePath> paths = new ArrayList<>();
        inObject(root, prior, planned, AttributePath.root(), paths);
        return List.copyOf(paths);
    }

    private static void inObject(
            SchemaBlock block, Value prior, Value planned, AttributePath at, List<AttributePath> paths) {
        for (SchemaAttribute attribute : block.attributes().values()) {
            if (attribute.isForceNew()
                    && !attr(prior, attribute.name(), attribute.type())
                            .equals(attr(planned, attribute.name(), attribute.type()))) {
                paths.add(at.attr(attribute.name()));
            }
        }
        for (NestedBlock nested : block.blockTypes().values()) {
            Value before = attr(prior, nested.typeName(), nested.impliedType());
            Value after = attr(planned, nested.typeName(), nested.impliedType());
            AttributePath path = at.attr(nested.typeName());
            if (nested.isForceNew()) {
                if (!absentIfEmpty(before).equals(absentIfEmpty(after))) {
                    paths.add(path);
                }
            } else if (holdsForceNew(nested.block())) {
                inBlocks(nested, before, after, path, paths);
            }
        }
    }

    private static void inBlocks(
            NestedBlock nested, Value before, Value after, AttributePath path, List<AttributePath> paths) {
        if (!before.isKnown() || !after.isKnown()) {
            if (!before.equals(after)) {
                paths.add(path);
            }
            return;
        }
        SchemaBlock block = nested.block();
        switch (nested.nesting()) {
            case SINGLE, GROUP -> inObject(block, before, after, path, paths);
            case LIST -> {
                List<Value> was = items(before);
                List<Value> will = items(after);
                for (int i = 0; i < Math.max(was.size(), will.size()); i++) {
                    inObject(block, item(was, i, block), item(will, i, block), path.index(i), paths);
                }
            }
            case MAP -> {
                Map<String, Value> was = entries(before);
                Map<String, Value> will = entries(after);
                Set<String> keys = new TreeSet<>(was.keySet());
                keys.addAll(will.keySet());
                Value none = Value.nullOf(block.impliedType());
                for (String key : keys) {
                    inObject(block, was.getOrDefault(key, none), will.getOrDefault(key, none), path.key(key), paths);
                }
            }
            case SET -> {
                if (!projections(block, items(before)).equals(projections(block, items(after)))) {
                    paths.add(path);
                }
            }
        }
    }

    /** What of each set element decides replacement: its force-new parts, nulls left out. */
    private static Set<Object> projections(SchemaBlock block, List<Value> elements) {
        Set<Object> projected = new HashSet<>();
        elements.forEach(element -> projected.add(projection(block, element)));
        return projected;
    }

    private static Object projection(SchemaBlock block, Value object) {
        if (!object.isKnown() || object.isNull()) {
            return object.isNull() ? Map.of() : object;
        }
        Map<String, Object> parts = new TreeMap<>();
        for (SchemaAttribute attribute : block.attributes().values()) {
            Value value = object.getAttr(attribute.name());
            if (attribute.isForceNew() && !value.isNull()) {
                parts.put(attribute.name(), value);
            }
        }
        for (NestedBlock nested : block.blockTypes().values()) {
            Value value = object.getAttr(nested.typeName());
            if (nested.isForceNew()) {
                parts.put(nested.typeName(), absentIfEmpty(value));
            } else if (holdsForceNew(nested.block())) {
                parts.put(nested.typeName(), nestedProjection(nested, value));
            }
        }
        return parts;
    }

    private static Object nestedProjection(NestedBlock nested, Value value) {
        if (!value.isKnown()) {
            return value;
        }
        SchemaBlock block = nested.block();
        return switch (nested.nesting()) {
            case SINGLE, GROUP -> projection(block, value);
            case LIST ->
                items(value).stream().map(item -> projection(block, item)).toList();
            case SET -> projections(block, items(value));
            case MAP -> {
                Map<String, Object> projected = new TreeMap<>();
                entries(value).forEach((key, item) -> projected.put(key, projection(block, item)));
                yield projected;
            }
        };
    }

    private static boolean holdsForceNew(SchemaBlock block) {
        return block.attributes().values().stream().anyMatch(SchemaAttribute::isForceNew)
                || block.blockTypes().values().stream()
                        .anyMatch(nested -> nested.isForceNew() || holdsForceNew(nested.block()));
    }

    /** An attribute of an object that may be null: absent attributes of an absent block are null. */
    private static Value attr(Value object, String name, Type type) {
        return object.isNull() ? Value.nullOf(type) : object.getAttr(name);
    }

    /** No blocks, written as null or as an empty collection, are the same configuration. */
    private static Value absentIfEmpty(Value blocks) {
        boolean empty = blocks.isKnown()
                && !blocks.isNull()
                && !(blocks.type() instanceof Type.ObjectType)
                && blocks.length() == 0;
        return empty ? Value.nullOf(blocks.type()) : blocks;
    }

    private static List<Value> items(Value blocks) {
        return blocks.isNull() ? List.of() : blocks.elements();
    }

    private static Value item(List<Value> items, int i, SchemaBlock block) {
        return i < items.size() ? items.get(i) : Value.nullOf(block.impliedType());
    }

    private static Map<String, Value> entries(Value blocks) {
        return blocks.isNull() ? Map.of() : blocks.asMap();
    }
}
