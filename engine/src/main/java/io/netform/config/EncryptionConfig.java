package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.JsonSyntax;
import io.netform.hcl.ParseResult;
import io.netform.hcl.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code terraform { encryption { ... } }} block as OpenTofu 1.7 has it, decoded but not evaluated (its
 * passphrases come from variables): the key providers, the methods, and the {@code state} and {@code plan}
 * targets. {@code TF_ENCRYPTION} holds the same block's content and is merged over it.
 */
public record EncryptionConfig(List<Named> keyProviders, List<Named> methods, Target state, Target plan) {

    /** No encryption block. */
    public static final EncryptionConfig NONE = new EncryptionConfig(List.of(), List.of(), null, null);

    /** The environment variable OpenTofu reads an encryption configuration from. */
    public static final String ENVIRONMENT_VARIABLE = "TF_ENCRYPTION";

    public EncryptionConfig {
        keyProviders = List.copyOf(keyProviders);
        methods = List.copyOf(methods);
    }

    /** A {@code key_provider "TYPE" "NAME"} or {@code method "TYPE" "NAME"} block: its arguments by name. */
    public record Named(String kind, String type, String name, Map<String, Attribute> arguments, Block block) {
        public Named {
            arguments = Map.copyOf(arguments);
        }

        /** Its address, as references and the stored metadata name it: {@code key_provider.pbkdf2.NAME}. */
        public String address() {
            return kind + "." + type + "." + name;
        }
    }

    /** A {@code state}, {@code plan} or {@code fallback} block; {@code enforced} is null in a fallback. */
    public record Target(Attribute method, Attribute enforced, Target fallback, SourceRange range) {}

    /** Whether there is anything configured. */
    public boolean isEmpty() {
        return keyProviders.isEmpty() && methods.isEmpty() && state == null && plan == null;
    }

    /** Decodes an {@code encryption} block's body. */
    static EncryptionConfig decode(Body body, List<Diagnostic> diagnostics) {
        BodyContent c = BodyDecoder.of(
                        Set.of(),
                        Set.of(),
                        Map.of("key_provider", 2, "method", 2, "state", 0, "plan", 0, "remote_state_data_sources", 0))
                .decode(JsonSyntax.withBlocks(body, Set.of("state", "plan")), "encryption", diagnostics);
        List<Named> keyProviders = named("key_provider", c.blocks("key_provider"), diagnostics);
        List<Named> methods = named("method", c.blocks("method"), diagnostics);
        for (Block remote : c.blocks("remote_state_data_sources")) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "Netform does not encrypt or decrypt terraform_remote_state sources "
                            + "(\"remote_state_data_sources\"); only the state and plan blocks are supported.",
                    remote.typeRange()));
        }
        return new EncryptionConfig(
                keyProviders,
                methods,
                target(c.blocks("state"), true, diagnostics),
                target(c.blocks("plan"), true, diagnostics));
    }

    /** The content of {@code TF_ENCRYPTION}, or {@link #NONE} when it is unset or blank. */
    public static EncryptionConfig fromEnvironment(Map<String, String> env, List<Diagnostic> diagnostics) {
        String text = env.get(ENVIRONMENT_VARIABLE);
        if (text == null || text.isBlank()) {
            return NONE;
        }
        if (text.strip().startsWith("{")) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported encryption configuration",
                    ENVIRONMENT_VARIABLE + " holds JSON; Netform reads it only in the HCL syntax (the content of an "
                            + "encryption block: key_provider, method, state and plan blocks).",
                    null));
            return NONE;
        }
        ParseResult<Body> parsed = HclParser.parseFile(ENVIRONMENT_VARIABLE, text);
        diagnostics.addAll(parsed.diagnostics());
        return parsed.hasErrors() ? NONE : decode(parsed.value(), diagnostics);
    }

    /**
     * This configuration with {@code override} (from the environment) merged over it, as OpenTofu merges:
     * blocks of the same type and name have their arguments overridden, new ones are added; a target's
     * method and fallback are overridden, and it is enforced if either says so.
     */
    public EncryptionConfig mergedWith(EncryptionConfig override) {
        return new EncryptionConfig(
                merge(keyProviders, override.keyProviders),
                merge(methods, override.methods),
                merge(state, override.state),
                merge(plan, override.plan));
    }

    private static List<Named> merge(List<Named> base, List<Named> override) {
        Map<String, Named> merged = new LinkedHashMap<>();
        base.forEach(n -> merged.put(n.address(), n));
        for (Named n : override) {
            Named old = merged.get(n.address());
            if (old == null) {
                merged.put(n.address(), n);
            } else {
                Map<String, Attribute> arguments = new LinkedHashMap<>(old.arguments());
                arguments.putAll(n.arguments());
                merged.put(n.address(), new Named(n.kind(), n.type(), n.name(), arguments, n.block()));
            }
        }
        return List.copyOf(merged.values());
    }

    private static Target merge(Target base, Target override) {
        if (base == null || override == null) {
            return base == null ? override : base;
        }
        return new Target(
                override.method() != null ? override.method() : base.method(),
                override.enforced() != null ? override.enforced() : base.enforced(),
                override.fallback() != null ? override.fallback() : base.fallback(),
                override.range());
    }

    private static List<Named> named(String kind, List<Block> blocks, List<Diagnostic> diagnostics) {
        List<Named> named = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block b : blocks) {
            Map<String, Attribute> arguments = new LinkedHashMap<>();
            b.body().attributes().forEach(a -> arguments.put(a.name(), a));
            for (Block nested : b.body().blocks()) {
                diagnostics.add(Diagnostic.error(
                        "Unsupported block type",
                        "Blocks of type \"" + nested.type() + "\" are not expected in a " + kind + " block.",
                        nested.typeRange()));
            }
            Named n =
                    new Named(kind, b.labels().get(0).value(), b.labels().get(1).value(), arguments, b);
            if (!seen.add(n.address())) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate " + kind + " block",
                        n.address() + " is defined more than once; each " + kind + " needs its own type and name.",
                        b.labels().get(1).range()));
                continue;
            }
            named.add(n);
        }
        return named;
    }

    private static Target target(List<Block> blocks, boolean enforceable, List<Diagnostic> diagnostics) {
        if (blocks.isEmpty()) {
            return null;
        }
        for (Block extra : blocks.subList(1, blocks.size())) {
            diagnostics.add(Diagnostic.error(
                    "Duplicate " + extra.type() + " block",
                    "Only one " + extra.type() + " block is allowed here.",
                    extra.typeRange()));
        }
        Block b = blocks.get(0);
        BodyContent c = BodyDecoder.of(
                        enforceable ? Set.of("method", "enforced") : Set.of("method"), Set.of(), Map.of("fallback", 0))
                .decode(JsonSyntax.withBlocks(b.body(), Set.of("fallback")), b.type(), diagnostics);
        return new Target(
                c.attribute("method").orElse(null),
                c.attribute("enforced").orElse(null),
                target(c.blocks("fallback"), false, diagnostics),
                b.range());
    }
}
