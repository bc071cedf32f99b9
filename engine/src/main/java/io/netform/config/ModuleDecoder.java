package io.netform.config;

import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Decodes the bodies of one directory's files into a {@link Module} (its children are the loader's job). */
final class ModuleDecoder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Map<String, Integer> TOP_LEVEL = Map.ofEntries(
            Map.entry("terraform", 0),
            Map.entry("variable", 1),
            Map.entry("locals", 0),
            Map.entry("output", 1),
            Map.entry("provider", 1),
            Map.entry("resource", 2),
            Map.entry("data", 2),
            Map.entry("module", 1),
            Map.entry("moved", 0),
            Map.entry("import", 0),
            Map.entry("removed", 0),
            Map.entry("check", 1));

    private final List<Diagnostic> diagnostics;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, Local> locals = new LinkedHashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Map<String, ProviderBlock> providers = new LinkedHashMap<>();
    private final Map<Resource, ResourceConfig> resources = new LinkedHashMap<>();
    private final Map<String, ModuleCall> calls = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private Module.Settings settings = Module.Settings.NONE;
    private final StateBlockDecoder stateBlocks;

    private ModuleDecoder(List<String> path, List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        this.stateBlocks = new StateBlockDecoder(path, diagnostics);
    }

    /** Decodes the parsed files of one module directory, in the order given. */
    static Module decode(List<String> path, Path directory, List<Body> files, List<Diagnostic> diagnostics) {
        ModuleDecoder decoder = new ModuleDecoder(path, diagnostics);
        for (Body file : files) {
            BodyContent content =
                    BodyDecoder.of(Set.of(), Set.of(), TOP_LEVEL).decode(file, "a configuration file", diagnostics);
            content.blocks().forEach(decoder::block);
        }
        CheckDecoder.checkNames(decoder.checks, decoder.resources, diagnostics);
        return new Module(
                path,
                directory,
                decoder.settings,
                decoder.variables,
                decoder.locals,
                decoder.outputs,
                decoder.providers,
                decoder.resources,
                decoder.calls,
                Map.of(),
                decoder.stateBlocks.blocks(),
                decoder.checks);
    }

    private void block(Block b) {
        switch (b.type()) {
            case "terraform" -> settings = SettingsDecoder.decode(b, settings, diagnostics);
            case "variable" -> variable(b);
            case "locals" -> locals(b);
            case "output" -> output(b);
            case "provider" -> provider(b);
            case "resource" -> resource(b, ResourceMode.MANAGED);
            case "data" -> resource(b, ResourceMode.DATA);
            case "module" -> moduleCall(b);
            case "import" -> stateBlocks.importBlock(b);
            case "moved" -> stateBlocks.moved(b);
            case "removed" -> stateBlocks.removed(b);
            case "check" -> check(b);
            default ->
                diagnostics.add(Diagnostic.error(
                        "Unsupported block type",
                        "Netform does not support " + "\"" + b.type() + "\" blocks yet.",
                        b.typeRange()));
        }
    }

    private boolean validName(String name, String what, SourceRange at) {
        if (NAME.matcher(name).matches()) {
            return true;
        }
        diagnostics.add(Diagnostic.error(
                "Invalid " + what + " name",
                "A name must start with a letter or "
                        + "underscore and may contain only letters, digits, underscores, and dashes.",
                at));
        return false;
    }

    private boolean unique(
            Map<?, ?> existing, Object key, String summary, String detail, SourceRange at, SourceRange earlier) {
        if (!existing.containsKey(key)) {
            return true;
        }
        diagnostics.add(Diagnostic.error(summary, detail.replace("%at", String.valueOf(earlier)), at));
        return false;
    }

    private void variable(Block b) {
        String name = b.labels().get(0).value();
        BodyContent c = BodyDecoder.of(
                        Set.of("type", "default", "description", "sensitive", "nullable", "ephemeral"),
                        Set.of(),
                        Map.of("validation", 0))
                .decode(b.body(), "variable", diagnostics);
        if (!validName(name, "variable", b.labels().get(0).range())) {
            return;
        }
        Variable existing = variables.get(name);
        if (!unique(
                variables,
                name,
                "Duplicate variable declaration",
                "A variable named \"" + name
                        + "\" was already declared at %at. Variable names must be unique within a module.",
                b.labels().get(0).range(),
                existing == null ? null : existing.range())) {
            return;
        }
        rejectEphemeral(c, "variable");
        variables.put(name, VariableDecoder.decode(name, b, c, diagnostics));
    }

    /**
     * Refuses {@code ephemeral = true}: Netform does not implement Terraform 1.10's ephemeral values,
     * and a value kept out of plan files and state only in name would leak what the user meant to keep out.
     */
    private void rejectEphemeral(BodyContent c, String what) {
        c.attribute("ephemeral").ifPresent(a -> {
            if (Literals.bool(a.expression(), "ephemeral", false, diagnostics)) {
                diagnostics.add(Diagnostic.error(
                        "Ephemeral values are not supported",
                        "Netform implements the "
                                + "Terraform " + LanguageVersion.TERRAFORM
                                + " language, which has no ephemeral values: "
                                + "an ephemeral " + what + " would still be written to plan files and state. Remove "
                                + "\"ephemeral = true\", or mark the " + what + " sensitive instead.",
                        a.range()));
            }
        });
    }

    private void locals(Block b) {
        BodyContent c = BodyDecoder.partial(Set.of(), Map.of()).decode(b.body(), "locals", diagnostics);
        for (Block nested : c.remaining().blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "Blocks of type \"" + nested.type() + "\" are not expected in a locals block.",
                    nested.typeRange()));
        }
        for (Attribute a : c.remaining().attributes()) {
            Local existing = locals.get(a.name());
            if (validName(a.name(), "local value", a.nameRange())
                    && unique(
                            locals,
                            a.name(),
                            "Duplicate local value definition",
                            "A local value named \"" + a.name()
                                    + "\" was already defined at %at. Local value names must be unique within a module.",
                            a.nameRange(),
                            existing == null ? null : existing.range())) {
                locals.put(a.name(), new Local(a.name(), a.expression(), a.nameRange()));
            }
        }
    }

    private void output(Block b) {
        String name = b.labels().get(0).value();
        BodyContent c = BodyDecoder.of(
                        Set.of("value", "description", "sensitive", "depends_on", "ephemeral"),
                        Set.of("value"),
                        Map.of("precondition", 0))
                .decode(b.body(), "output", diagnostics);
        rejectEphemeral(c, "output");
        Output existing = outputs.get(name);
        if (!validName(name, "output", b.labels().get(0).range())
                || c.attribute("value").isEmpty()
                || !unique(
                        outputs,
                        name,
                        "Duplicate output definition",
                        "An output named \"" + name
                                + "\" was already defined at %at. Output names must be unique within a module.",
                        b.labels().get(0).range(),
                        existing == null ? null : existing.range())) {
            return;
        }
        String description = c.attribute("description")
                .map(a -> Literals.string(a.expression(), "description", diagnostics))
                .orElse(null);
        boolean sensitive = c.attribute("sensitive")
                .map(a -> Literals.bool(a.expression(), "sensitive", false, diagnostics))
                .orElse(false);
        outputs.put(
                name,
                new Output(
                        name,
                        c.attributes().get("value").expression(),
                        description,
                        sensitive,
                        dependsOn(c),
                        b.labels().get(0).range(),
                        ConditionDecoder.all(c.blocks(), "precondition", diagnostics)));
    }

    private void provider(Block b) {
        String name = b.labels().get(0).value();
        BodyContent c =
                BodyDecoder.partial(Set.of("alias", "version"), Map.of()).decode(b.body(), "provider", diagnostics);
        String alias = c.attribute("alias")
                .map(a -> Literals.string(a.expression(), "alias", diagnostics))
                .orElse(null);
        c.attribute("version")
                .ifPresent(a -> diagnostics.add(Diagnostic.warning(
                        "Version constraints inside " + "provider configuration blocks are deprecated",
                        "Set the version in required_providers instead.",
                        a.nameRange())));
        ProviderBlock block =
                new ProviderBlock(name, alias, c.remaining(), b.labels().get(0).range());
        ProviderBlock existing = providers.get(block.key());
        String detail = alias == null
                ? "A default (non-aliased) provider configuration for \"" + name + "\" was already given at %at. "
                        + "If multiple configurations are required, set the \"alias\" argument for alternative "
                        + "configurations."
                : "A provider configuration for \"" + name + "\" with alias \"" + alias + "\" was already given "
                        + "at %at. Each configuration for the same provider must have a distinct alias.";
        if (unique(
                providers,
                block.key(),
                "Duplicate provider configuration",
                detail,
                block.range(),
                existing == null ? null : existing.range())) {
            providers.put(block.key(), block);
        }
    }

    private void resource(Block b, ResourceMode mode) {
        String type = b.labels().get(0).value();
        String name = b.labels().get(1).value();
        String kind = mode == ResourceMode.DATA ? "data" : "resource";
        if (!validName(type, kind + " type", b.labels().get(0).range())
                || !validName(name, kind, b.labels().get(1).range())) {
            return;
        }
        Resource address = new Resource(mode, type, name);
        ResourceConfig existing = resources.get(address);
        if (!unique(
                resources,
                address,
                "Duplicate " + kind + " \"" + type + "\" configuration",
                "A " + type + " "
                        + (mode == ResourceMode.DATA ? "data resource" : "resource") + " named \"" + name
                        + "\" was already declared at %at. Resource names must be unique per type in each module.",
                b.labels().get(1).range(),
                existing == null ? null : existing.declRange())) {
            return;
        }
        resources.put(address, ResourceDecoder.decode(address, b, diagnostics));
    }

    private void moduleCall(Block b) {
        String name = b.labels().get(0).value();
        if (!validName(name, "module", b.labels().get(0).range())) {
            return;
        }
        ModuleCall existing = calls.get(name);
        if (unique(
                calls,
                name,
                "Duplicate module call",
                "A module call named \"" + name
                        + "\" was already defined at %at. Module calls must have unique names within a module.",
                b.labels().get(0).range(),
                existing == null ? null : existing.declRange())) {
            ModuleCall call = ModuleCallDecoder.decode(name, b, diagnostics);
            if (call != null) {
                calls.put(name, call);
            }
        }
    }

    private void check(Block b) {
        String name = b.labels().get(0).value();
        if (!validName(name, "check", b.labels().get(0).range())) {
            return;
        }
        Check existing = checks.get(name);
        if (unique(
                checks,
                name,
                "Duplicate check block",
                "A check block named \"" + name
                        + "\" was already defined at %at. Check blocks must have unique names within a module.",
                b.labels().get(0).range(),
                existing == null ? null : existing.declRange())) {
            Check check = CheckDecoder.decode(b, diagnostics);
            if (check != null) {
                checks.put(name, check);
            }
        }
    }

    /** The {@code depends_on} list of a block's content. */
    static List<Expression> dependsOn(BodyContent c) {
        return c.attribute("depends_on")
                .map(a -> a.expression() instanceof Expression.Tuple t ? t.elements() : List.of(a.expression()))
                .orElse(List.of());
    }

    static List<Expression> elementsOf(Expression e) {
        return e instanceof Expression.Tuple t ? t.elements() : new ArrayList<>(List.of(e));
    }
}
