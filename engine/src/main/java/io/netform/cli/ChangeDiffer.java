package io.netform.cli;

import io.netform.cli.DiffNode.NestedBlocks;
import io.netform.plan.Action;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the {@link DiffNode} tree between the before and after values of a resource (guided by
 * its schema, which decides what is an attribute and what a nested block) or of an output.
 * Sensitivity is decided here, from the values' marks and the schema, so that the tree never holds
 * what a sensitive value contains.
 */
final class ChangeDiffer {

    private static final Value ABSENT = Value.nullOf(Type.DYNAMIC);

    private final Set<AttributePath> replacePaths;

    ChangeDiffer(Collection<AttributePath> replacePaths) {
        this.replacePaths = Set.copyOf(replacePaths);
    }

    /** The change of a block; either side may be a null value (create, delete). */
    DiffNode block(SchemaBlock schema, Value before, Value after, AttributePath path) {
        boolean replace = replacePaths.contains(path);
        if (before.isSensitive() || after.isSensitive()) {
            return new DiffNode.SensitiveBlock(contentAction(before, after), replace);
        }
        if (!after.isKnown()) {
            return unknown(before, path, replace);
        }
        SortedMap<String, DiffNode> attributes = new TreeMap<>();
        Action action = startingAction(before, after);
        for (SchemaAttribute attribute : schema.attributes().values()) {
            Value b = emptyAsNull(child(before, attribute.name()));
            Value a = emptyAsNull(child(after, attribute.name()));
            if (b.isNull() && a.isNull()) {
                continue;
            }
            DiffNode node = value(b, a, path.attr(attribute.name()), attribute.isSensitive());
            attributes.put(attribute.name(), node);
            action = combine(action, node.action());
        }
        List<NestedBlocks> blocks = new ArrayList<>();
        for (NestedBlock type : new TreeMap<>(schema.blockTypes()).values()) {
            NestedBlocks nested = nestedBlocks(
                    type, child(before, type.typeName()), child(after, type.typeName()), path.attr(type.typeName()));
            if (nested != null) {
                blocks.add(nested);
                for (DiffNode b : nested.blocks()) {
                    action = combine(action, b.action());
                }
            }
        }
        return new DiffNode.Block(attributes, blocks, action, replace);
    }

    /** The change of an attribute or output value; {@code sensitive} when the schema says so. */
    DiffNode value(Value before, Value after, AttributePath path, boolean sensitive) {
        boolean replace = replacePaths.contains(path);
        boolean beforeSensitive = before.isSensitive() || sensitive;
        boolean afterSensitive = after.isSensitive() || sensitive;
        if (beforeSensitive || afterSensitive) {
            Action content = contentAction(before, after);
            Action action = content == Action.NO_OP && beforeSensitive != afterSensitive ? Action.UPDATE : content;
            return new DiffNode.Sensitive(beforeSensitive, afterSensitive, content, action, replace);
        }
        if (!before.isKnown()) {
            // Prior values come from state and are always known; should one not be, show only the new value.
            return value(ABSENT, after, path, false);
        }
        if (!after.isKnown()) {
            return unknown(before, path, replace);
        }
        if (before.isNull() && after.isNull()) {
            return new DiffNode.Primitive(before, after, Action.NO_OP, replace);
        }
        if (!before.isNull() && !after.isNull() && kind(before.type()) != kind(after.type())) {
            return new DiffNode.TypeChange(
                    value(before, ABSENT, path, false), value(ABSENT, after, path, false), Action.UPDATE, replace);
        }
        Type type = after.isNull() ? before.type() : after.type();
        return switch (kind(type)) {
            case SEQUENCE -> sequence(before, after, path, false, replace);
            case SET -> sequence(before, after, path, true, replace);
            case MAP -> keyed(before, after, path, false, replace);
            case OBJECT -> keyed(before, after, path, true, replace);
            case PRIMITIVE_STRING -> string(before, after, path, replace);
            default -> new DiffNode.Primitive(before.unmark(), after.unmark(), contentAction(before, after), replace);
        };
    }

    /** A string, compared as JSON when it holds a JSON object or array on each side that has one. */
    private DiffNode string(Value before, Value after, AttributePath path, boolean replace) {
        Value beforeJson = EmbeddedJson.parse(before);
        Value afterJson = EmbeddedJson.parse(after);
        Action action = contentAction(before, after);
        if ((beforeJson == null && !before.isNull()) || (afterJson == null && !after.isNull())) {
            if (beforeJson != null || afterJson != null) {
                return new DiffNode.TypeChange(
                        value(before, ABSENT, path, false), value(ABSENT, after, path, false), action, replace);
            }
            return new DiffNode.Primitive(before.unmark(), after.unmark(), action, replace);
        }
        DiffNode content = value(orAbsent(beforeJson), orAbsent(afterJson), path, false);
        boolean whitespaceOnly = action == Action.UPDATE && content.action() == Action.NO_OP;
        return new DiffNode.JsonString(content, whitespaceOnly, action, replace);
    }

    private static Value orAbsent(Value v) {
        return v == null ? ABSENT : v;
    }

    private DiffNode unknown(Value before, AttributePath path, boolean replace) {
        if (before.isNull()) {
            return new DiffNode.Unknown(null, Action.CREATE, replace);
        }
        return new DiffNode.Unknown(value(before, ABSENT, path, false), Action.UPDATE, replace);
    }

    private NestedBlocks nestedBlocks(NestedBlock type, Value before, Value after, AttributePath path) {
        boolean replace = replacePaths.contains(path);
        String name = type.typeName();
        if (before.isNull() && after.isNull()) {
            return null;
        }
        if (before.isSensitive() || after.isSensitive() || !after.isKnown()) {
            DiffNode whole = before.isSensitive() || after.isSensitive()
                    ? new DiffNode.SensitiveBlock(contentAction(before, after), replace)
                    : unknown(before, path, replace);
            return new NestedBlocks(name, List.of(""), List.of(whole), replace);
        }
        List<String> labels = new ArrayList<>();
        List<DiffNode> blocks = new ArrayList<>();
        switch (type.nesting()) {
            case SINGLE, GROUP -> {
                labels.add("");
                blocks.add(block(type.block(), before, after, path));
            }
            case LIST, SET -> {
                boolean isSet = type.nesting() == Nesting.SET;
                List<Value> b = elements(before);
                List<Value> a = elements(after);
                for (SequenceMatch.Pair row : rows(b, a, !isSet)) {
                    AttributePath at = isSet ? path : path.index(row.after() >= 0 ? row.after() : row.before());
                    labels.add("");
                    blocks.add(block(type.block(), pick(b, row.before()), pick(a, row.after()), at));
                }
            }
            case MAP -> {
                Map<String, Value> b = entries(before);
                Map<String, Value> a = entries(after);
                for (String key : union(b, a)) {
                    labels.add(key);
                    blocks.add(block(
                            type.block(), b.getOrDefault(key, ABSENT), a.getOrDefault(key, ABSENT), path.key(key)));
                }
            }
            default -> throw new IllegalStateException("unhandled nesting " + type.nesting());
        }
        return new NestedBlocks(name, labels, blocks, replace);
    }

    private DiffNode sequence(Value before, Value after, AttributePath path, boolean isSet, boolean replace) {
        List<Value> b = elements(before);
        List<Value> a = elements(after);
        List<DiffNode> nodes = new ArrayList<>();
        Action action = startingAction(before, after);
        for (SequenceMatch.Pair row : rows(b, a, !isSet)) {
            AttributePath at = isSet ? path : path.index(row.after() >= 0 ? row.after() : row.before());
            DiffNode node = value(pick(b, row.before()), pick(a, row.after()), at, false);
            nodes.add(node);
            action = combine(action, node.action());
        }
        return new DiffNode.Sequence(nodes, !isSet, action, replace);
    }

    private DiffNode keyed(Value before, Value after, AttributePath path, boolean isObject, boolean replace) {
        Map<String, Value> b = entries(before);
        Map<String, Value> a = entries(after);
        SortedMap<String, DiffNode> nodes = new TreeMap<>();
        Action action = startingAction(before, after);
        for (String key : union(b, a)) {
            Value bv = b.getOrDefault(key, ABSENT);
            Value av = a.getOrDefault(key, ABSENT);
            if (isObject && bv.isNull() && av.isNull()) {
                continue;
            }
            DiffNode node = value(bv, av, isObject ? path.attr(key) : path.key(key), false);
            nodes.put(key, node);
            action = combine(action, node.action());
        }
        return new DiffNode.Keyed(nodes, isObject, action, replace);
    }

    /**
     * Lines up two sequences of values: equal ones are kept, and when {@code pairObjects} a removed
     * and an added object are compared attribute by attribute.
     */
    private static List<SequenceMatch.Pair> rows(List<Value> before, List<Value> after, boolean pairObjects) {
        // Each element is unmarked once: the matching compares every element with every other.
        return SequenceMatch.match(
                elementsOf(before),
                elementsOf(after),
                (x, y) -> x.content() != null && x.content().equals(y.content()),
                x -> pairObjects && x.value().type() instanceof Type.ObjectType);
    }

    private static List<Element> elementsOf(List<Value> values) {
        return values.stream()
                .map(v -> new Element(v, v.isWhollyKnown() ? v.unmarkDeep() : null))
                .toList();
    }

    /** An element and its content without marks, or null content if it is not wholly known. */
    private record Element(Value value, Value content) {}

    /** What happens to the content, ignoring marks: created, deleted, updated or unchanged. */
    private static Action contentAction(Value before, Value after) {
        if (before.isNull() && after.isNull()) {
            return Action.NO_OP;
        }
        if (before.isNull()) {
            return Action.CREATE;
        }
        if (after.isNull()) {
            return Action.DELETE;
        }
        return same(before, after) ? Action.NO_OP : Action.UPDATE;
    }

    /** Equal content, marks aside; a value not yet known equals nothing. */
    private static boolean same(Value a, Value b) {
        return a.isWhollyKnown() && b.isWhollyKnown() && a.unmarkDeep().equals(b.unmarkDeep());
    }

    private static Action startingAction(Value before, Value after) {
        if (before.isNull() == after.isNull()) {
            return Action.NO_OP;
        }
        return before.isNull() ? Action.CREATE : Action.DELETE;
    }

    /** Two actions of children seen as one: an equal one or no change keeps the action, anything else is an update. */
    static Action combine(Action current, Action next) {
        if (next == Action.NO_OP || next == current) {
            return current;
        }
        return Action.UPDATE;
    }

    private static Value child(Value parent, String name) {
        if (parent.isNull() || !parent.isKnown() || !parent.hasAttribute(name)) {
            return ABSENT;
        }
        return parent.unmark().asMap().get(name);
    }

    /** Providers built on the legacy SDK cannot write null strings, so an empty one means unset. */
    private static Value emptyAsNull(Value v) {
        return v.type() == Type.STRING
                        && v.isKnown()
                        && !v.isNull()
                        && !v.isSensitive()
                        && v.asString().isEmpty()
                ? ABSENT
                : v;
    }

    private static List<Value> elements(Value v) {
        return v.isNull() ? List.of() : v.unmark().elements();
    }

    private static Map<String, Value> entries(Value v) {
        return v.isNull() ? Map.of() : v.unmark().asMap();
    }

    private static Set<String> union(Map<String, Value> a, Map<String, Value> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Value pick(List<Value> values, int index) {
        return index < 0 ? ABSENT : values.get(index);
    }

    private enum Kind {
        PRIMITIVE_STRING,
        PRIMITIVE_NUMBER,
        PRIMITIVE_BOOL,
        SEQUENCE,
        SET,
        MAP,
        OBJECT,
        DYNAMIC
    }

    private static Kind kind(Type type) {
        if (type == Type.STRING) {
            return Kind.PRIMITIVE_STRING;
        }
        if (type == Type.NUMBER) {
            return Kind.PRIMITIVE_NUMBER;
        }
        if (type == Type.BOOL) {
            return Kind.PRIMITIVE_BOOL;
        }
        if (type instanceof Type.ListType || type instanceof Type.TupleType) {
            return Kind.SEQUENCE;
        }
        if (type instanceof Type.SetType) {
            return Kind.SET;
        }
        if (type instanceof Type.MapType) {
            return Kind.MAP;
        }
        return type instanceof Type.ObjectType ? Kind.OBJECT : Kind.DYNAMIC;
    }
}
