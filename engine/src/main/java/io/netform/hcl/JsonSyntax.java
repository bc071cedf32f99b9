package io.netform.hcl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Terraform's JSON configuration syntax ({@code *.tf.json}, {@code *.tfvars.json}), decoded into the
 * same {@link Body} tree the native syntax gives, so everything after parsing works unchanged.
 * Blocks are nested objects (one level per label), a {@code "//"} property of a body is a comment,
 * and strings are templates, literal text or native expressions as {@link JsonBodySpec} says for
 * each block type. Ranges point into the JSON file.
 */
public final class JsonSyntax {

    private static final String COMMENT = "//";

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private JsonSyntax(String file) {
        this.file = file;
    }

    /** Whether {@code fileName} names a file of the JSON syntax (Terraform decides by the suffix too). */
    public static boolean isJson(String fileName) {
        return fileName.endsWith(".json");
    }

    /** Parses a configuration file ({@code *.tf.json}) given as UTF-8 bytes. */
    public static ParseResult<Body> parseFile(String name, byte[] content) {
        return parse(name, content, JsonBodySpec.FILE);
    }

    /** Parses a test file ({@code *.tftest.json}): run, variables and provider blocks. */
    public static ParseResult<Body> parseTestFile(String name, byte[] content) {
        return parse(name, content, JsonBodySpec.TEST_FILE);
    }

    /** Parses a variables file ({@code *.tfvars.json}): every property sets a variable to its literal value. */
    public static ParseResult<Body> parseVariables(String name, byte[] content) {
        return parse(name, content, JsonBodySpec.LITERALS);
    }

    /**
     * {@code body} with each argument written in JSON whose name is one of {@code blockTypes} (from a
     * provider's schema) replaced by the nested blocks it stands for, {@code dynamic} ones included: the
     * JSON syntax cannot tell blocks from arguments without the schema. Bodies of the native syntax come
     * back as they are.
     */
    public static Body withBlocks(Body body, Set<String> blockTypes) {
        List<BodyItem> items = new ArrayList<>();
        boolean changed = false;
        for (BodyItem item : body.items()) {
            // per argument, not per body: an override file in JSON may set arguments of a native block
            Optional<List<Block>> blocks = Optional.empty();
            if (item instanceof Attribute a && isJson(a.range().file())) {
                blocks = a.name().equals("dynamic")
                        ? dynamicBlocks(a, blockTypes)
                        : blockTypes.contains(a.name()) ? blocks(a, List.of(), a.expression()) : Optional.empty();
            }
            if (blocks.isPresent()) {
                items.addAll(blocks.get());
                changed = true;
            } else {
                items.add(item);
            }
        }
        return changed ? new Body(items, body.range()) : body;
    }

    /**
     * The blocks of type {@code a.name()} with {@code labels} whose bodies {@code value} holds: one
     * object, an array of them, or null for none. Empty when the value cannot be block bodies.
     */
    private static Optional<List<Block>> blocks(Attribute a, List<BlockLabel> labels, Expression value) {
        List<Expression> bodies = value instanceof Expression.Tuple t
                ? t.elements()
                : value instanceof Expression.NullLiteral ? List.of() : List.of(value);
        List<Block> blocks = new ArrayList<>();
        for (Expression body : bodies) {
            Optional<List<ObjectItem>> properties = properties(body);
            if (properties.isEmpty()) {
                return Optional.empty();
            }
            List<BodyItem> items = new ArrayList<>();
            for (ObjectItem item : properties.get()) {
                String name = literalKey(item.key());
                if (!name.equals(COMMENT)) {
                    items.add(new Attribute(name, item.value(), item.key().range(), item.range()));
                }
            }
            blocks.add(new Block(
                    a.name(),
                    labels,
                    new Body(items, body.range()),
                    a.nameRange(),
                    openBrace(body.range()),
                    a.nameRange().to(body.range())));
        }
        return Optional.of(blocks);
    }

    /**
     * The {@code dynamic} blocks a JSON {@code "dynamic": {"TYPE": {...}}} argument stands for, with their
     * {@code content} as a block and {@code iterator} as the name it gives, as Terraform reads them.
     */
    private static Optional<List<Block>> dynamicBlocks(Attribute a, Set<String> blockTypes) {
        Optional<List<ObjectItem>> types = properties(a.expression());
        if (types.isEmpty()) {
            return Optional.empty();
        }
        List<Block> all = new ArrayList<>();
        for (ObjectItem type : types.get()) {
            String name = literalKey(type.key());
            if (!blockTypes.contains(name)) {
                return Optional.empty();
            }
            var dynamic =
                    blocks(a, List.of(new BlockLabel(name, true, type.key().range())), type.value());
            if (dynamic.isEmpty()) {
                return Optional.empty();
            }
            for (Block d : dynamic.get()) {
                List<BodyItem> items = new ArrayList<>();
                for (Attribute arg : d.body().attributes()) {
                    if (arg.name().equals("content")) {
                        var content = blocks(arg, List.of(), arg.expression());
                        if (content.isEmpty()) {
                            return Optional.empty();
                        }
                        items.addAll(content.get());
                    } else if (arg.name().equals("iterator") && literalText(arg.expression()) != null) {
                        items.add(new Attribute(
                                arg.name(),
                                new Expression.Identifier(
                                        literalText(arg.expression()),
                                        arg.expression().range()),
                                arg.nameRange(),
                                arg.range()));
                    } else {
                        items.add(arg);
                    }
                }
                all.add(new Block(
                        d.type(),
                        d.labels(),
                        new Body(items, d.body().range()),
                        d.typeRange(),
                        d.openBraceRange(),
                        d.range()));
            }
        }
        return Optional.of(all);
    }

    /** The items of a JSON object, if every key is literal text. */
    private static Optional<List<ObjectItem>> properties(Expression e) {
        if (!(e instanceof Expression.ObjectCons object)
                || object.items().stream().anyMatch(i -> literalKey(i.key()) == null)) {
            return Optional.empty();
        }
        return Optional.of(object.items());
    }

    private static String literalKey(ObjectKey key) {
        return key instanceof ObjectKey.Name n ? n.name() : literalText(((ObjectKey.Computed) key).expression());
    }

    /** The text of a string written without interpolations, or null. */
    private static String literalText(Expression e) {
        if (e instanceof Expression.Template t && t.parts().isEmpty()) {
            return "";
        }
        if (e instanceof Expression.Template t
                && t.parts().size() == 1
                && t.parts().get(0) instanceof TemplatePart.Literal l) {
            return l.text();
        }
        return null;
    }

    private static ParseResult<Body> parse(String name, byte[] content, JsonBodySpec spec) {
        JsonSyntax syntax = new JsonSyntax(name);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            SourcePos start = new SourcePos(1, 1, 0);
            return new ParseResult<>(
                    new Body(List.of(), new SourceRange(name, start, start)),
                    List.of(Diagnostic.error(
                            "Invalid character encoding",
                            "All input files must be UTF-8 encoded. Ensure "
                                    + "that UTF-8 encoding is selected in your editor.",
                            new SourceRange(name, start, start))));
        }
        SourceFile source = new SourceFile(name, text);
        JsonNode root = JsonReader.read(source, syntax.diagnostics);
        if (root == null) {
            return new ParseResult<>(new Body(List.of(), source.range(0, text.length())), syntax.diagnostics);
        }
        if (!(root instanceof JsonNode.Obj)) {
            syntax.diagnostics.add(Diagnostic.error(
                    "Incorrect JSON value type",
                    "The root value of a JSON " + "configuration file must be an object.",
                    root.range()));
            return new ParseResult<>(new Body(List.of(), root.range()), syntax.diagnostics);
        }
        return new ParseResult<>(syntax.body(root, spec), syntax.diagnostics);
    }

    private Body body(JsonNode node, JsonBodySpec spec) {
        List<BodyItem> items = new ArrayList<>();
        for (JsonNode.Property p : properties(node, null)) {
            String name = p.name().value();
            JsonBodySpec.Nested nested = spec.blocks().get(name);
            if (name.equals(COMMENT)) {
                continue;
            }
            if (nested != null) {
                blocks(p.value(), name, p.name().range(), nested, new ArrayList<>(), items);
            } else {
                items.add(new Attribute(
                        name,
                        expression(p.value(), spec.kindOf(name)),
                        p.name().range(),
                        p.name().range().to(p.value().range())));
            }
        }
        return new Body(items, node.range());
    }

    /**
     * The properties of a body, or of a label level of a block of type {@code labelsOf}: one object's, or
     * those of an array of objects in order.
     */
    private List<JsonNode.Property> properties(JsonNode node, String labelsOf) {
        String purpose = labelsOf == null
                ? "to define arguments and child blocks"
                : "to specify the labels of this " + labelsOf + " block";
        if (node instanceof JsonNode.Obj o) {
            return o.properties();
        }
        if (node instanceof JsonNode.Null) {
            return List.of();
        }
        if (!(node instanceof JsonNode.Array a)) {
            error(
                    "Incorrect JSON value type",
                    "Either a JSON object or JSON array of objects is required here, " + purpose + ".",
                    node.range());
            return List.of();
        }
        List<JsonNode.Property> all = new ArrayList<>();
        for (JsonNode element : a.elements()) {
            if (element instanceof JsonNode.Obj o) {
                all.addAll(o.properties());
            } else {
                error("Incorrect JSON value type", "A JSON object is required here, " + purpose + ".", element.range());
            }
        }
        return all;
    }

    private void blocks(
            JsonNode value,
            String type,
            SourceRange typeRange,
            JsonBodySpec.Nested nested,
            List<BlockLabel> labels,
            List<BodyItem> into) {
        if (labels.size() < nested.labels()) {
            List<JsonNode.Property> properties = properties(value, type);
            boolean givenNone = value instanceof JsonNode.Obj o
                    ? o.properties().isEmpty()
                    : value instanceof JsonNode.Array a && a.elements().isEmpty();
            if (givenNone) {
                error(
                        "Missing block label",
                        "At least one object property is required, whose name represents a " + "label of the " + type
                                + " block.",
                        value.range());
            }
            for (JsonNode.Property p : properties) {
                List<BlockLabel> more = new ArrayList<>(labels);
                more.add(new BlockLabel(p.name().value(), true, p.name().range()));
                blocks(p.value(), type, typeRange, nested, more, into);
            }
            return;
        }
        if (value instanceof JsonNode.Obj o) {
            into.add(block(o, type, typeRange, nested, labels));
        } else if (value instanceof JsonNode.Array a) {
            for (JsonNode element : a.elements()) {
                if (element instanceof JsonNode.Obj o) {
                    into.add(block(o, type, typeRange, nested, labels));
                } else {
                    error(
                            "Incorrect JSON value type",
                            "A JSON object is required here, to define arguments and " + "child blocks.",
                            element.range());
                }
            }
        } else if (!(value instanceof JsonNode.Null)) {
            error(
                    "Incorrect JSON value type",
                    "Either a JSON object or a JSON array is required, representing the " + "contents of one or more \""
                            + type + "\" blocks.",
                    value.range());
        }
    }

    private Block block(
            JsonNode.Obj body,
            String type,
            SourceRange typeRange,
            JsonBodySpec.Nested nested,
            List<BlockLabel> labels) {
        return new Block(
                type,
                labels,
                body(body, nested.body()),
                typeRange,
                openBrace(body.range()),
                typeRange.to(body.range()));
    }

    /** The opening brace of an object written at {@code object}. */
    private static SourceRange openBrace(SourceRange object) {
        return new SourceRange(
                object.file(),
                object.start(),
                new SourcePos(object.startLine(), object.startColumn() + 1, object.startByte() + 1));
    }

    private Expression expression(JsonNode node, JsonBodySpec.Kind kind) {
        if (node instanceof JsonNode.Str s) {
            return string(s, kind);
        }
        if (node instanceof JsonNode.Num n) {
            return new Expression.NumberLiteral(n.value(), n.range());
        }
        if (node instanceof JsonNode.Bool b) {
            return new Expression.BoolLiteral(b.value(), b.range());
        }
        if (node instanceof JsonNode.Array a) {
            return new Expression.Tuple(
                    a.elements().stream().map(e -> expression(e, kind)).toList(), a.range());
        }
        if (node instanceof JsonNode.Obj o) {
            List<ObjectItem> items = new ArrayList<>();
            for (JsonNode.Property p : o.properties()) {
                ObjectKey key = kind == JsonBodySpec.Kind.TEMPLATE
                        ? new ObjectKey.Computed(string(p.name(), kind))
                        : new ObjectKey.Name(p.name().value(), p.name().range());
                items.add(new ObjectItem(
                        key,
                        expression(p.value(), kind),
                        p.name().range().to(p.value().range())));
            }
            return new Expression.ObjectCons(items, o.range());
        }
        return new Expression.NullLiteral(node.range());
    }

    private Expression string(JsonNode.Str s, JsonBodySpec.Kind kind) {
        // positions inside a string with escapes drift by the escapes' extra characters, as in HCL itself
        if (kind == JsonBodySpec.Kind.LITERAL) {
            return new Expression.Template(
                    s.value().isEmpty() ? List.of() : List.of(new TemplatePart.Literal(s.value(), s.range())),
                    s.range());
        }
        // positions inside a string with escapes drift by the escapes' extra characters, as in HCL itself
        SourceFile content = new SourceFile(file, s.value(), s.contentStart());
        ParseResult<Expression> parsed = kind == JsonBodySpec.Kind.EXPRESSION
                ? HclParser.parseExpression(content)
                : HclParser.parseTemplate(content);
        diagnostics.addAll(parsed.diagnostics());
        return parsed.value();
    }

    private void error(String summary, String detail, SourceRange at) {
        diagnostics.add(Diagnostic.error(summary, detail, at));
    }
}
