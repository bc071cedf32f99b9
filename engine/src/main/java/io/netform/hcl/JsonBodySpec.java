package io.netform.hcl;

import java.util.Map;

/**
 * How the properties of one kind of JSON block body map onto HCL: which name nested blocks (and how
 * many labels they take), and for each argument whether its strings are templates, literal text, or
 * native-syntax expressions (references and type constraints). These are Terraform's rules for its
 * JSON syntax, block type by block type; a property not listed is an argument whose strings are templates.
 */
record JsonBodySpec(Map<String, Kind> arguments, Map<String, Nested> blocks) {

    /** How an argument's JSON value becomes an expression. */
    enum Kind {
        /** Strings (and object keys) are string templates: {@code "${var.x}-a"}. */
        TEMPLATE,
        /** Strings are taken verbatim, as Terraform reads them without an evaluation context. */
        LITERAL,
        /** Strings hold a native-syntax expression: a reference such as {@code "aws.west"} or a type. */
        EXPRESSION
    }

    /** A nested block type: its number of labels and its body's rules. */
    record Nested(int labels, JsonBodySpec body) {}

    /** Arguments only, every one a template: locals, a provider's or resource's own arguments. */
    static final JsonBodySpec TEMPLATES = new JsonBodySpec(Map.of(), Map.of());

    /** Arguments only, every one literal: variable files and backend settings ({@code *} stands for any name). */
    static final JsonBodySpec LITERALS = new JsonBodySpec(Map.of("*", Kind.LITERAL), Map.of());

    private static final JsonBodySpec CONDITION = TEMPLATES;

    /** A connection's {@code type} is a keyword, taken literally. */
    private static final JsonBodySpec CONNECTION = new JsonBodySpec(Map.of("type", Kind.LITERAL), Map.of());

    private static final JsonBodySpec RESOURCE = new JsonBodySpec(
            Map.of("provider", Kind.EXPRESSION, "depends_on", Kind.EXPRESSION),
            Map.of(
                    "lifecycle",
                    new Nested(
                            0,
                            new JsonBodySpec(
                                    Map.of(
                                            "create_before_destroy",
                                            Kind.LITERAL,
                                            "prevent_destroy",
                                            Kind.LITERAL,
                                            "ignore_changes",
                                            Kind.EXPRESSION,
                                            "replace_triggered_by",
                                            Kind.EXPRESSION),
                                    Map.of(
                                            "precondition",
                                            new Nested(0, CONDITION),
                                            "postcondition",
                                            new Nested(0, CONDITION)))),
                    "connection",
                    new Nested(0, CONNECTION),
                    "provisioner",
                    new Nested(
                            1,
                            new JsonBodySpec(
                                    Map.of("when", Kind.EXPRESSION, "on_failure", Kind.EXPRESSION),
                                    Map.of("connection", new Nested(0, CONNECTION)))),
                    "dynamic",
                    new Nested(
                            1,
                            new JsonBodySpec(
                                    Map.of("iterator", Kind.EXPRESSION),
                                    Map.of("content", new Nested(0, TEMPLATES))))));

    /** The body of a test file: variables, provider and run blocks, keywords and references as expressions. */
    static final JsonBodySpec TEST_FILE = new JsonBodySpec(
            Map.of(),
            Map.of(
                    "variables",
                    new Nested(0, TEMPLATES),
                    "provider",
                    new Nested(1, new JsonBodySpec(Map.of("alias", Kind.LITERAL), Map.of())),
                    "mock_provider",
                    new Nested(
                            1,
                            new JsonBodySpec(
                                    Map.of("alias", Kind.LITERAL, "source", Kind.LITERAL),
                                    Map.of(
                                            "mock_resource",
                                            new Nested(1, TEMPLATES),
                                            "mock_data",
                                            new Nested(1, TEMPLATES)))),
                    "run",
                    new Nested(
                            1,
                            new JsonBodySpec(
                                    Map.of(
                                            "command",
                                            Kind.EXPRESSION,
                                            "expect_failures",
                                            Kind.EXPRESSION,
                                            "state_key",
                                            Kind.LITERAL),
                                    Map.of(
                                            "variables",
                                            new Nested(0, TEMPLATES),
                                            "module",
                                            new Nested(0, LITERALS),
                                            "assert",
                                            new Nested(0, CONDITION),
                                            "plan_options",
                                            new Nested(
                                                    0,
                                                    new JsonBodySpec(
                                                            Map.of(
                                                                    "mode",
                                                                    Kind.EXPRESSION,
                                                                    "refresh",
                                                                    Kind.LITERAL,
                                                                    "replace",
                                                                    Kind.EXPRESSION,
                                                                    "target",
                                                                    Kind.EXPRESSION),
                                                            Map.of())))))));

    /** The body of a configuration file: Terraform's top-level blocks. */
    static final JsonBodySpec FILE = new JsonBodySpec(
            Map.of(),
            Map.ofEntries(
                    Map.entry(
                            "terraform",
                            new Nested(
                                    0,
                                    new JsonBodySpec(
                                            Map.of("required_version", Kind.LITERAL, "experiments", Kind.EXPRESSION),
                                            Map.of(
                                                    "required_providers",
                                                    new Nested(0, LITERALS),
                                                    "backend",
                                                    new Nested(1, LITERALS),
                                                    "cloud",
                                                    new Nested(0, LITERALS),
                                                    "provider_meta",
                                                    new Nested(1, LITERALS))))),
                    Map.entry(
                            "variable",
                            new Nested(
                                    1,
                                    new JsonBodySpec(
                                            Map.of(
                                                    "type",
                                                    Kind.EXPRESSION,
                                                    "default",
                                                    Kind.LITERAL,
                                                    "description",
                                                    Kind.LITERAL,
                                                    "sensitive",
                                                    Kind.LITERAL,
                                                    "nullable",
                                                    Kind.LITERAL,
                                                    "ephemeral",
                                                    Kind.LITERAL),
                                            Map.of("validation", new Nested(0, CONDITION))))),
                    Map.entry("locals", new Nested(0, TEMPLATES)),
                    Map.entry(
                            "output",
                            new Nested(
                                    1,
                                    new JsonBodySpec(
                                            Map.of(
                                                    "description",
                                                    Kind.LITERAL,
                                                    "sensitive",
                                                    Kind.LITERAL,
                                                    "ephemeral",
                                                    Kind.LITERAL,
                                                    "depends_on",
                                                    Kind.EXPRESSION),
                                            Map.of("precondition", new Nested(0, CONDITION))))),
                    Map.entry(
                            "provider",
                            new Nested(
                                    1,
                                    new JsonBodySpec(
                                            Map.of("alias", Kind.LITERAL, "version", Kind.LITERAL), Map.of()))),
                    Map.entry("resource", new Nested(2, RESOURCE)),
                    Map.entry("data", new Nested(2, RESOURCE)),
                    Map.entry(
                            "module",
                            new Nested(
                                    1,
                                    new JsonBodySpec(
                                            Map.of(
                                                    "source",
                                                    Kind.LITERAL,
                                                    "version",
                                                    Kind.LITERAL,
                                                    "providers",
                                                    Kind.EXPRESSION,
                                                    "depends_on",
                                                    Kind.EXPRESSION),
                                            Map.of()))),
                    Map.entry(
                            "moved",
                            new Nested(
                                    0,
                                    new JsonBodySpec(
                                            Map.of("from", Kind.EXPRESSION, "to", Kind.EXPRESSION), Map.of()))),
                    Map.entry(
                            "import",
                            new Nested(
                                    0,
                                    new JsonBodySpec(
                                            Map.of("to", Kind.EXPRESSION, "provider", Kind.EXPRESSION), Map.of()))),
                    Map.entry(
                            "removed",
                            new Nested(
                                    0,
                                    new JsonBodySpec(
                                            Map.of("from", Kind.EXPRESSION),
                                            Map.of(
                                                    "lifecycle",
                                                    new Nested(0, LITERALS),
                                                    "provisioner",
                                                    RESOURCE.blocks().get("provisioner"))))),
                    Map.entry(
                            "check",
                            new Nested(
                                    1,
                                    new JsonBodySpec(
                                            Map.of(),
                                            Map.of(
                                                    "data",
                                                    new Nested(2, RESOURCE),
                                                    "assert",
                                                    new Nested(0, CONDITION)))))));

    /** How the argument {@code name} is read. */
    Kind kindOf(String name) {
        return arguments.getOrDefault(name, arguments.getOrDefault("*", Kind.TEMPLATE));
    }
}
