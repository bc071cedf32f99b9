package io.netform.walk;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.SourceRange;
import io.netform.lang.Scope;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the blocks of one nested block type (static and {@code dynamic}) into the value their nesting mode gives. */
final class NestedBlocks {

    private final ConfigDecoder decoder;
    private final NestedBlock schema;
    private final SourceRange parent;

    NestedBlocks(ConfigDecoder decoder, NestedBlock schema, SourceRange parent) {
        this.decoder = decoder;
        this.schema = schema;
        this.parent = parent;
    }

    /** One block's label (for map nesting) and its object value. */
    private record Item(String label, Value value, SourceRange range) {}

    /** Whether {@code b} is a {@code dynamic} block (one label: the type of the blocks it generates). */
    static boolean isDynamic(Block b) {
        return b.type().equals("dynamic") && b.labels().size() == 1;
    }

    /** The value of {@code blocks}, static and {@code dynamic} ones in source order, each dynamic one expanded. */
    Value collect(List<Block> blocks, Scope scope) {
        List<Item> items = new ArrayList<>();
        boolean countUnknown = false;
        for (Block b : blocks) {
            if (!isDynamic(b)) {
                items.add(new Item(label(b), decoder.nestedBody(b.body(), schema.block(), scope), b.typeRange()));
            } else if (!expand(b, scope, items)) {
                countUnknown = true;
            }
        }
        if (countUnknown) {
            return Value.unknown(schema.impliedType());
        }
        checkCount(items);
        return assemble(items);
    }

    private String label(Block b) {
        if (schema.nesting() != Nesting.MAP) {
            if (!b.labels().isEmpty()) {
                decoder.error(
                        "Extraneous label for " + schema.typeName(),
                        "No labels are expected for " + schema.typeName() + " blocks.",
                        b.labels().get(0).range());
            }
            return null;
        }
        if (b.labels().size() != 1) {
            decoder.error(
                    "Missing key for " + schema.typeName(),
                    "A " + schema.typeName() + " block must have " + "exactly one label, its key.",
                    b.typeRange());
            return "";
        }
        return b.labels().get(0).value();
    }

    /** Expands a {@code dynamic} block; false when its for_each is unknown, so the count is too. */
    private boolean expand(Block d, Scope scope, List<Item> items) {
        Attribute forEach = null;
        String iterator = schema.typeName();
        List<io.netform.hcl.Expression> labelExprs = List.of();
        Body content = null;
        for (Attribute a : d.body().attributes()) {
            switch (a.name()) {
                case "for_each" -> forEach = a;
                case "iterator" ->
                    iterator = a.expression() instanceof io.netform.hcl.Expression.Identifier v ? v.name() : iterator;
                case "labels" ->
                    labelExprs = a.expression() instanceof io.netform.hcl.Expression.Tuple t ? t.elements() : List.of();
                default ->
                    decoder.error(
                            "Unsupported argument",
                            "An argument named \"" + a.name()
                                    + "\" is not expected in a dynamic block; put the block's arguments in its content block.",
                            a.nameRange());
            }
        }
        for (Block b : d.body().blocks()) {
            if (b.type().equals("content")) {
                content = b.body();
            }
        }
        if (forEach == null || content == null) {
            decoder.error(
                    "Invalid dynamic block",
                    "A dynamic block needs a for_each argument and a content block.",
                    d.typeRange());
            return true;
        }
        Value collection = decoder.evaluate(forEach.expression(), scope);
        if (!collection.isKnown()) {
            return false;
        }
        if (collection.isNull()) {
            decoder.error(
                    "Invalid dynamic for_each value",
                    "Cannot use a null value in for_each.",
                    forEach.expression().range());
            return true;
        }
        Type t = collection.type();
        boolean keyed = t instanceof Type.MapType || t instanceof Type.ObjectType;
        if (!keyed && !(t instanceof Type.ListType || t instanceof Type.SetType || t instanceof Type.TupleType)) {
            decoder.error(
                    "Invalid dynamic for_each value",
                    "Cannot use a " + t.friendlyName() + " value in for_each. An iterable collection is required.",
                    forEach.expression().range());
            return true;
        }
        List<Map.Entry<Value, Value>> entries = new ArrayList<>();
        if (keyed) {
            collection.asMap().forEach((k, v) -> entries.add(Map.entry(Value.string(k), v)));
        } else {
            List<Value> elements = collection.elements();
            for (int i = 0; i < elements.size(); i++) {
                entries.add(Map.entry(t instanceof Type.SetType ? elements.get(i) : Value.number(i), elements.get(i)));
            }
        }
        for (Map.Entry<Value, Value> e : entries) {
            Map<String, Value> it = new LinkedHashMap<>();
            it.put("key", e.getKey().withMarks(collection.marks()));
            it.put("value", e.getValue().withMarks(collection.marks()));
            Scope inner = scope.with(iterator, Value.object(it));
            String label = null;
            if (schema.nesting() == Nesting.MAP && !labelExprs.isEmpty()) {
                Value l = decoder.evaluate(labelExprs.get(0), inner);
                try {
                    Value s = Conversion.convert(l.unmark(), Type.STRING);
                    label = s.isKnown() && !s.isNull() ? s.asString() : "";
                } catch (ConversionException ex) {
                    decoder.error(
                            "Invalid dynamic block label",
                            "The label must be a string.",
                            labelExprs.get(0).range());
                    label = "";
                }
            }
            items.add(new Item(label, decoder.nestedBody(content, schema.block(), inner), d.typeRange()));
        }
        return true;
    }

    private void checkCount(List<Item> items) {
        int n = items.size();
        String type = schema.typeName();
        switch (schema.nesting()) {
            case SINGLE, GROUP -> {
                if (n > 1) {
                    decoder.error(
                            "Duplicate " + type + " block",
                            "Only one \"" + type + "\" block is allowed. " + "Another was defined at "
                                    + items.get(0).range() + ".",
                            items.get(1).range());
                }
                if (n == 0 && schema.minItems() > 0) {
                    decoder.error("Missing required block", "A \"" + type + "\" block is required.", parent);
                }
            }
            default -> {
                if (n < schema.minItems()) {
                    decoder.error(
                            "Insufficient " + type + " blocks",
                            "At least " + schema.minItems() + " \"" + type + "\" block"
                                    + (schema.minItems() == 1 ? " is" : "s are") + " required.",
                            parent);
                }
                if (schema.maxItems() > 0 && n > schema.maxItems()) {
                    decoder.error(
                            "Too many " + type + " blocks",
                            "No more than " + schema.maxItems() + " \"" + type + "\" block"
                                    + (schema.maxItems() == 1 ? " is" : "s are") + " allowed.",
                            items.get(schema.maxItems()).range());
                }
            }
        }
    }

    private Value assemble(List<Item> items) {
        Type object = schema.block().impliedType();
        List<Value> values = items.stream().map(Item::value).toList();
        return switch (schema.nesting()) {
            case SINGLE -> values.isEmpty() ? Value.nullOf(object) : values.get(0);
            case GROUP -> values.isEmpty() ? emptyGroup() : values.get(0);
            case LIST -> Value.list(object, values);
            case SET -> Value.set(object, values);
            case MAP -> {
                Map<String, Value> byLabel = new LinkedHashMap<>();
                items.forEach(i -> byLabel.put(i.label(), i.value()));
                yield Value.map(object, byLabel);
            }
        };
    }

    /** A group block that was not written is an object whose attributes are all null, never null itself. */
    private Value emptyGroup() {
        Map<String, Value> attrs = new LinkedHashMap<>();
        schema.block().attributes().forEach((name, a) -> attrs.put(name, Value.nullOf(a.type())));
        schema.block()
                .blockTypes()
                .forEach((name, b) -> attrs.put(
                        name,
                        switch (b.nesting()) {
                            case LIST -> Value.list(b.block().impliedType(), List.of());
                            case SET -> Value.set(b.block().impliedType(), List.of());
                            case MAP -> Value.map(b.block().impliedType(), Map.of());
                            default -> Value.nullOf(b.impliedType());
                        }));
        return Value.object(attrs);
    }
}
