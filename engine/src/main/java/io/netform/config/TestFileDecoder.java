package io.netform.config;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceMode;
import io.netform.hcl.Attribute;
import io.netform.hcl.BinaryOperator;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.HclParser;
import io.netform.hcl.JsonSyntax;
import io.netform.hcl.ParseResult;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a test file as Terraform 1.9 does: the blocks and arguments it knows, each other one an error at
 * its place, and references to run blocks that do not exist or have not run yet.
 */
public final class TestFileDecoder {

    private static final Set<String> RUN_ARGUMENTS = Set.of("command", "expect_failures", "state_key");

    /**
     * The roots of references to objects that have no custom conditions of their own, which expect_failures
     * cannot list (Terraform accepts variables, outputs, check blocks, resources and data sources).
     */
    private static final Set<String> UNCHECKABLE = Set.of("local", "module", "path", "terraform", "run");

    /** A reference's object: its root and name, and for a module output the instance key and the output. */
    private static final Pattern REFERENCED =
            Pattern.compile("module\\.[\\w-]+(\\[[^\\]]*\\])?(\\.[\\w-]+)?|[a-z]+\\.[\\w-]+");

    private static final Map<String, Integer> RUN_BLOCKS = Map.of(
            "variables",
            0,
            "module",
            0,
            "assert",
            0,
            "plan_options",
            0,
            "override_resource",
            0,
            "override_data",
            0,
            "override_module",
            0);

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private TestFileDecoder() {}

    /** A decoded test file, null when errors kept it from being one, and what was wrong. */
    public record Decoded(TestFile file, List<Diagnostic> diagnostics) {

        public Decoded {
            diagnostics = List.copyOf(diagnostics);
        }

        /** Whether any diagnostic is an error. */
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Decodes {@code content}, the file {@code name} (its path from the module under test). */
    public static Decoded decode(String name, byte[] content) {
        ParseResult<Body> parsed = JsonSyntax.isJson(name)
                ? JsonSyntax.parseTestFile(name, content)
                : HclParser.parseFile(name, new String(content, StandardCharsets.UTF_8));
        TestFileDecoder decoder = new TestFileDecoder();
        decoder.diagnostics.addAll(parsed.diagnostics());
        if (parsed.hasErrors()) {
            return new Decoded(null, decoder.diagnostics);
        }
        TestFile file = decoder.file(name, parsed.value());
        return new Decoded(decoder.hasErrors() ? null : file, decoder.diagnostics);
    }

    private boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    private TestFile file(String name, Body body) {
        BodyContent c = BodyDecoder.of(
                        Set.of(),
                        Set.of(),
                        Map.of(
                                "variables",
                                0,
                                "provider",
                                1,
                                "run",
                                1,
                                "mock_provider",
                                1,
                                "override_resource",
                                0,
                                "override_data",
                                0,
                                "override_module",
                                0))
                .decode(body, "test file", diagnostics);
        List<TestFile.Override> overrides = overrides(c);
        List<TestFile.MockProvider> mocks = new ArrayList<>();
        for (Block b : c.blocks("mock_provider")) {
            mocks.add(mock(b));
        }
        Map<String, Expression> variables = new LinkedHashMap<>();
        for (Block b : c.blocks("variables")) {
            variables.putAll(variables(b));
        }
        variables.values().forEach(e -> noRunReferences(e, "file-level variables"));
        Map<String, ProviderBlock> providers = new LinkedHashMap<>();
        for (Block b : c.blocks("provider")) {
            ProviderBlock p = provider(b);
            if (providers.putIfAbsent(p.key(), p) != null) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate provider configuration",
                        "A provider configuration for \"" + p.key() + "\" was already given in this file.",
                        p.range()));
            }
        }
        List<TestFile.Run> runs = new ArrayList<>();
        for (Block b : c.blocks("run")) {
            TestFile.Run run = run(b, runs);
            if (runs.stream().anyMatch(r -> r.name().equals(run.name()))) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate \"run\" block names",
                        "This test file already has a run block named \"" + run.name() + "\".",
                        b.labels().get(0).range()));
            }
            runs.add(run);
        }
        return new TestFile(name, variables, providers, mocks, overrides, runs);
    }

    private Map<String, Expression> variables(Block b) {
        Map<String, Expression> out = new LinkedHashMap<>();
        for (var item : b.body().items()) {
            if (item instanceof Attribute a) {
                out.put(a.name(), a.expression());
            } else if (item instanceof Block nested) {
                diagnostics.add(Diagnostic.error(
                        "Unsupported block type",
                        "Blocks of type \"" + nested.type() + "\" are not expected here.",
                        nested.typeRange()));
            }
        }
        return out;
    }

    private ProviderBlock provider(Block b) {
        BodyContent c = BodyDecoder.partial(Set.of("alias"), Map.of()).decode(b.body(), "provider", diagnostics);
        String alias = c.attribute("alias")
                .map(a -> Literals.string(a.expression(), "alias", diagnostics))
                .orElse(null);
        return new ProviderBlock(
                b.labels().get(0).value(),
                alias,
                c.remaining(),
                b.labels().get(0).range());
    }

    private TestFile.MockProvider mock(Block b) {
        BodyContent c = BodyDecoder.of(
                        Set.of("alias", "source"),
                        Set.of(),
                        Map.of("mock_resource", 1, "mock_data", 1, "override_resource", 0, "override_data", 0))
                .decode(b.body(), "mock_provider", diagnostics);
        List<TestFile.Override> overrides = overrides(c);
        c.attribute("alias")
                .ifPresent(a -> diagnostics.add(Diagnostic.error(
                        "Unsupported argument",
                        "Netform mocks every configuration of a provider: an alias on mock_provider is not "
                                + "supported. Remove it to mock the provider \""
                                + b.labels().get(0).value() + "\".",
                        a.nameRange())));
        String source = c.attribute("source")
                .map(a -> Literals.string(a.expression(), "source", diagnostics))
                .orElse(null);
        return new TestFile.MockProvider(
                b.labels().get(0).value(),
                source,
                defaults(c.blocks("mock_resource")),
                defaults(c.blocks("mock_data")),
                overrides,
                b.labels().get(0).range());
    }

    /** The constant {@code defaults} object of each {@code mock_resource} or {@code mock_data} block, by type. */
    private Map<String, Value> defaults(List<Block> blocks) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Block m : blocks) {
            BodyContent c =
                    BodyDecoder.of(Set.of("defaults"), Set.of(), Map.of()).decode(m.body(), m.type(), diagnostics);
            Value defaults = c.attribute("defaults")
                    .map(a -> Literals.constant(a.expression(), "defaults", diagnostics))
                    .orElse(Value.object(Map.of()));
            if (defaults != null && !(defaults.type() instanceof Type.ObjectType)) {
                diagnostics.add(Diagnostic.error(
                        "Invalid defaults",
                        "defaults must be an object of attribute values.",
                        c.attributes().get("defaults").expression().range()));
            } else if (defaults != null) {
                out.put(m.labels().get(0).value(), defaults);
            }
        }
        return out;
    }

    /** The override_resource, override_data and override_module blocks of a body. */
    private List<TestFile.Override> overrides(BodyContent c) {
        List<TestFile.Override> out = new ArrayList<>();
        for (Block b : c.blocks()) {
            TestFile.Override o = switch (b.type()) {
                case "override_resource", "override_data" -> override(b);
                case "override_module" -> moduleOverride(b);
                default -> null;
            };
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** One override_module block; null after reporting what was wrong with it. */
    private TestFile.Override moduleOverride(Block b) {
        BodyContent c = BodyDecoder.of(Set.of("target", "outputs"), Set.of("target"), Map.of())
                .decode(b.body(), b.type(), diagnostics);
        AddressParser.Target target =
                c.attribute("target").map(this::moduleTarget).orElse(null);
        Value outputs = c.attribute("outputs")
                .map(a -> Literals.constant(a.expression(), "outputs", diagnostics))
                .orElse(Value.object(Map.of()));
        if (outputs != null && !(outputs.type() instanceof Type.ObjectType)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid outputs",
                    "outputs must be an object of output values.",
                    c.attributes().get("outputs").expression().range()));
            return null;
        }
        if (target == null || outputs == null) {
            return null;
        }
        return new TestFile.Override(
                target,
                outputs,
                false,
                b.typeRange(),
                c.attributes().get("target").range());
    }

    /** The target of an override_module block, which must name a module call or one of its instances. */
    private AddressParser.Target moduleTarget(Attribute a) {
        TraversalAddress address = TraversalAddress.read(a.expression(), "target", false, diagnostics);
        if (address == null) {
            return null;
        }
        if (!(address.target() instanceof AddressParser.ModuleTarget)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid override target",
                    "You can only target modules from override_module blocks, not " + address.target() + "."
                            + blockFor(modeOf(address.target())),
                    a.expression().range()));
            return null;
        }
        return address.target();
    }

    /** One override_resource or override_data block; null after reporting what was wrong with it. */
    private TestFile.Override override(Block b) {
        BodyContent c = BodyDecoder.of(Set.of("target", "values", "override_during"), Set.of("target"), Map.of())
                .decode(b.body(), b.type(), diagnostics);
        ResourceMode mode = b.type().equals("override_data") ? ResourceMode.DATA : ResourceMode.MANAGED;
        AddressParser.Target target = c.attribute("target")
                .map(a -> overrideTarget(a, b.type(), mode))
                .orElse(null);
        Value values = c.attribute("values")
                .map(a -> Literals.constant(a.expression(), "values", diagnostics))
                .orElse(Value.object(Map.of()));
        if (values != null && !(values.type() instanceof Type.ObjectType)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid values",
                    "values must be an object of attribute values.",
                    c.attributes().get("values").expression().range()));
            return null;
        }
        Boolean duringPlan = c.attribute("override_during")
                .map(a -> keyword(a, "override_during", Map.of("plan", Boolean.TRUE, "apply", Boolean.FALSE)))
                .orElse(false);
        if (target == null || values == null || duringPlan == null) {
            return null;
        }
        return new TestFile.Override(
                target,
                values,
                duringPlan,
                b.typeRange(),
                c.attributes().get("target").range());
    }

    /** The target of an override block, which must name a resource or data source of {@code mode}. */
    private AddressParser.Target overrideTarget(Attribute a, String block, ResourceMode mode) {
        TraversalAddress address = TraversalAddress.read(a.expression(), "target", false, diagnostics);
        if (address == null) {
            return null;
        }
        ResourceMode named = modeOf(address.target());
        if (named != mode) {
            diagnostics.add(Diagnostic.error(
                    "Invalid override target",
                    "You can only target " + (mode == ResourceMode.DATA ? "data sources" : "managed resources")
                            + " from " + block + " blocks, not " + address.target() + "."
                            + blockFor(named),
                    a.expression().range()));
            return null;
        }
        return address.target();
    }

    /** The mode of the resource {@code target} names, or null for a module. */
    private static ResourceMode modeOf(AddressParser.Target target) {
        if (target instanceof AddressParser.ResourceTarget r) {
            return r.resource().resource().mode();
        }
        if (target instanceof AddressParser.ResourceInstanceTarget i) {
            return i.instance().resource().resource().mode();
        }
        return null;
    }

    /** The hint naming the override block for a target of {@code mode} (null: a module). */
    private static String blockFor(ResourceMode mode) {
        String block =
                mode == null ? "override_module" : mode == ResourceMode.DATA ? "override_data" : "override_resource";
        return " Use " + block + " for it.";
    }

    private TestFile.Run run(Block b, List<TestFile.Run> earlier) {
        String name = b.labels().get(0).value();
        BodyContent c = BodyDecoder.of(RUN_ARGUMENTS, Set.of(), RUN_BLOCKS).decode(b.body(), "run", diagnostics);
        TestFile.Command command = c.attribute("command")
                .map(a -> keyword(a, "command", Map.of("apply", TestFile.Command.APPLY, "plan", TestFile.Command.PLAN)))
                .orElse(TestFile.Command.APPLY);
        Map<String, Expression> variables = new LinkedHashMap<>();
        for (Block v : c.blocks("variables")) {
            variables.putAll(variables(v));
        }
        String module = null;
        for (Block m : c.blocks("module")) {
            BodyContent mc = BodyDecoder.of(Set.of("source"), Set.of("source"), Map.of())
                    .decode(m.body(), "module", diagnostics);
            module = mc.attribute("source").map(a -> localSource(a)).orElse(null);
        }
        List<TestFile.Override> overrides = overrides(c);
        List<Condition> asserts = ConditionDecoder.all(c.blocks(), "assert", diagnostics);
        List<TestFile.ExpectedFailure> expected =
                c.attribute("expect_failures").map(this::expectedFailures).orElse(List.of());
        TestFile.PlanOptions options = TestFile.PlanOptions.DEFAULT;
        for (Block p : c.blocks("plan_options")) {
            options = planOptions(p);
        }
        String stateKey = c.attribute("state_key")
                .map(a -> Literals.string(a.expression(), "state_key", diagnostics))
                .orElse(module == null ? "" : module);
        List<Expression> referring = new ArrayList<>(variables.values());
        asserts.forEach(a -> referring.addAll(List.of(a.condition(), a.errorMessage())));
        referring.forEach(e -> runReferences(e, name, earlier));
        return new TestFile.Run(
                name,
                command,
                variables,
                module,
                asserts,
                expected,
                options,
                stateKey,
                overrides,
                b.labels().get(0).range());
    }

    /** A module source a run may load: a local path, as Terraform's test framework allows without init. */
    private String localSource(Attribute a) {
        String source = Literals.string(a.expression(), "source", diagnostics);
        if (source != null && !source.startsWith("./") && !source.startsWith("../")) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported module source",
                    "A run block's module must be a local directory such as \"./tests/setup\"; Netform does not "
                            + "fetch modules for tests.",
                    a.expression().range()));
            return null;
        }
        return source;
    }

    private List<TestFile.ExpectedFailure> expectedFailures(Attribute a) {
        List<TestFile.ExpectedFailure> out = new ArrayList<>();
        if (!(a.expression() instanceof Expression.Tuple list)) {
            diagnostics.add(Diagnostic.error(
                    "Invalid expect_failures",
                    "expect_failures must be a list of references such as [var.name, check.name].",
                    a.expression().range()));
            return out;
        }
        for (Expression e : list.elements()) {
            String address = TraversalAddress.text(e);
            if (address == null) {
                diagnostics.add(Diagnostic.error(
                        "Invalid expect_failures",
                        "Each element of expect_failures must be a reference to a variable, output, check block, "
                                + "resource or data source, written without quotes.",
                        e.range()));
            } else if (UNCHECKABLE.contains(address.split("[.\\[]", 2)[0])) {
                diagnostics.add(Diagnostic.error(
                        "Invalid `expect_failures` reference",
                        "You cannot expect failures from " + referenced(address) + ". You can only expect failures "
                                + "from checkable objects such as input variables, output values, check blocks, "
                                + "managed resources and data sources.",
                        e.range()));
            } else {
                out.add(new TestFile.ExpectedFailure(address, e.range()));
            }
        }
        return out;
    }

    /**
     * The object a reference names, without the attributes after it, as Terraform prints it: {@code local.x},
     * {@code module.net}, {@code module.net["a"].id}, {@code run.setup}.
     */
    private static String referenced(String address) {
        Matcher m = REFERENCED.matcher(address);
        return m.lookingAt() ? m.group() : address;
    }

    private TestFile.PlanOptions planOptions(Block b) {
        BodyContent c = BodyDecoder.of(Set.of("mode", "refresh", "replace", "target"), Set.of(), Map.of())
                .decode(b.body(), "plan_options", diagnostics);
        boolean refreshOnly = c.attribute("mode")
                .map(a -> keyword(a, "mode", Map.of("normal", Boolean.FALSE, "refresh-only", Boolean.TRUE)))
                .orElse(false);
        boolean refresh = c.attribute("refresh")
                .map(a -> Literals.bool(a.expression(), "refresh", true, diagnostics))
                .orElse(true);
        return new TestFile.PlanOptions(
                Boolean.TRUE.equals(refreshOnly), refresh, addresses(c, "replace"), addresses(c, "target"));
    }

    private List<String> addresses(BodyContent c, String argument) {
        List<String> out = new ArrayList<>();
        c.attribute(argument).ifPresent(a -> {
            List<Expression> elements =
                    a.expression() instanceof Expression.Tuple t ? t.elements() : List.of(a.expression());
            for (Expression e : elements) {
                TraversalAddress address = TraversalAddress.read(e, argument + " address", false, diagnostics);
                if (address != null) {
                    out.add(TraversalAddress.text(e));
                }
            }
        });
        return out;
    }

    /** The value of a keyword argument written without quotes, or null after Terraform's error. */
    private <T> T keyword(Attribute a, String argument, Map<String, T> keywords) {
        String word = word(a.expression());
        if (word != null && keywords.containsKey(word)) {
            return keywords.get(word);
        }
        diagnostics.add(Diagnostic.error(
                "Invalid \"" + argument + "\" keyword",
                "The \"" + argument + "\" argument requires one of the following keywords without quotes: "
                        + String.join(
                                " or ", keywords.keySet().stream().sorted().toList()) + ".",
                a.expression().range()));
        return null;
    }

    /** A bare keyword, {@code refresh-only} (which parses as a subtraction) included. */
    private static String word(Expression e) {
        if (e instanceof Expression.Identifier i) {
            return i.name();
        }
        if (e instanceof Expression.Binary bin
                && bin.operator() == BinaryOperator.SUBTRACT
                && bin.left() instanceof Expression.Identifier l
                && bin.right() instanceof Expression.Identifier r) {
            return l.name() + "-" + r.name();
        }
        return null;
    }

    private void noRunReferences(Expression e, String where) {
        for (Reference ref : References.of(e)) {
            if (ref.root().equals("run")) {
                diagnostics.add(Diagnostic.error(
                        "Invalid reference", "Run blocks cannot be referenced from " + where + ".", ref.range()));
            }
        }
    }

    /** Reports references to run blocks that do not exist in the file or have not run before {@code run}. */
    private void runReferences(Expression e, String run, List<TestFile.Run> earlier) {
        for (Reference ref : References.of(e)) {
            String name = ref.root().equals("run") ? ref.attrAt(0) : null;
            if (name == null || earlier.stream().anyMatch(r -> r.name().equals(name))) {
                continue;
            }
            diagnostics.add(Diagnostic.error(
                    name.equals(run) ? "Reference to unavailable run block" : "Reference to unknown run block",
                    name.equals(run)
                            ? "A run block cannot refer to its own outputs: run." + name + " is only available to "
                                    + "the run blocks after it."
                            : "The run block \"" + name + "\" does not exist within this test file, or runs after "
                                    + "run \"" + run
                                    + "\". You can only reference run blocks that are in the same test "
                                    + "file and execute before the current run block.",
                    ref.range()));
        }
    }
}
