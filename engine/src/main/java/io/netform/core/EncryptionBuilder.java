package io.netform.core;

import io.netform.config.EncryptionConfig;
import io.netform.config.Local;
import io.netform.config.Module;
import io.netform.hcl.Attribute;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.state.encryption.AesGcmMethod;
import io.netform.state.encryption.Encryption;
import io.netform.state.encryption.EncryptionMethod;
import io.netform.state.encryption.EncryptionTarget;
import io.netform.state.encryption.Pbkdf2KeyProvider;
import io.netform.state.encryption.UnencryptedMethod;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a configuration's {@link Encryption} from its {@code encryption} block merged with
 * {@code TF_ENCRYPTION}: evaluated early, as OpenTofu does, so its expressions may use only the root
 * module's variables (from -var, .tfvars files and TF_VAR_ variables), local values made of those, and
 * functions; a resource, data source or anything else is an error at the reference.
 */
final class EncryptionBuilder {

    private static final Set<String> PBKDF2_ARGUMENTS =
            Set.of("passphrase", "key_length", "iterations", "hash_function", "salt_length");

    private final Module root;
    private final Map<String, Value> variables;
    private final Functions functions;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Value> locals = new HashMap<>();
    private final Set<String> evaluatingLocals = new LinkedHashSet<>();
    private final Map<String, Pbkdf2KeyProvider> keyProviders = new LinkedHashMap<>();
    private final Map<String, EncryptionMethod> methods = new LinkedHashMap<>();
    /** Blocks that failed to build: their own error is reported, references to them add none. */
    private final Set<String> failed = new HashSet<>();

    private EncryptionBuilder(Module root, Map<String, Value> variables, Functions functions) {
        this.root = root;
        this.variables = variables;
        this.functions = functions;
    }

    /**
     * The encryption of the configuration {@code root}, with its variables' values {@code variables} (a
     * variable without a value is an error only where the encryption block uses it) and the environment
     * {@code env}; null, with the reasons in {@code diagnostics}, when it is not valid. Without a
     * configuration ({@code root} null: it did not load) TF_ENCRYPTION alone is used.
     */
    static Encryption build(
            Module root,
            Map<String, Value> variables,
            Map<String, String> env,
            Functions functions,
            List<Diagnostic> diagnostics) {
        List<Diagnostic> found = new ArrayList<>();
        EncryptionConfig config = (root == null
                        ? EncryptionConfig.NONE
                        : root.settings().encryption())
                .mergedWith(EncryptionConfig.fromEnvironment(env, found));
        if (root != null) {
            rejectInChildren(root, found);
        }
        diagnostics.addAll(found);
        if (found.stream().anyMatch(Diagnostic::isError)) {
            return null;
        }
        if (config.isEmpty()) {
            return Encryption.NONE;
        }
        EncryptionBuilder builder = new EncryptionBuilder(root, variables, functions);
        Encryption encryption = builder.encryption(config);
        diagnostics.addAll(builder.diagnostics);
        return builder.diagnostics.stream().anyMatch(Diagnostic::isError) ? null : encryption;
    }

    private static void rejectInChildren(Module module, List<Diagnostic> diagnostics) {
        for (Module child : module.children().values()) {
            EncryptionConfig e = child.settings().encryption();
            if (!e.isEmpty()) {
                SourceRange at = !e.keyProviders().isEmpty()
                        ? e.keyProviders().get(0).block().range()
                        : !e.methods().isEmpty() ? e.methods().get(0).block().range() : null;
                diagnostics.add(Diagnostic.error(
                        "Encryption in a child module",
                        "The encryption block of module." + String.join(".module.", child.path())
                                + " is not used: state and plan encryption is configured in the root module only.",
                        at));
            }
            rejectInChildren(child, diagnostics);
        }
    }

    private Encryption encryption(EncryptionConfig config) {
        for (EncryptionConfig.Named k : config.keyProviders()) {
            keyProvider(k).ifPresentOrElse(p -> keyProviders.put(k.address(), p), () -> failed.add(k.address()));
        }
        for (EncryptionConfig.Named m : config.methods()) {
            method(m).ifPresentOrElse(built -> methods.put(m.address(), built), () -> failed.add(m.address()));
        }
        return new Encryption(target("state", config.state()), target("plan", config.plan()));
    }

    private Optional<Pbkdf2KeyProvider> keyProvider(EncryptionConfig.Named k) {
        if (!k.type().equals("pbkdf2")) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported key provider",
                    "Netform supports key_provider \"pbkdf2\" only, not \"" + k.type() + "\".",
                    k.block().labels().get(0).range()));
            return Optional.empty();
        }
        if (!allowedArguments(k, PBKDF2_ARGUMENTS)) {
            return Optional.empty();
        }
        Attribute passphraseArg = k.arguments().get("passphrase");
        if (passphraseArg == null) {
            diagnostics.add(Diagnostic.error(
                    "Missing required argument",
                    "The argument \"passphrase\" is required in " + k.address() + ".",
                    k.block().range()));
            return Optional.empty();
        }
        String passphrase = string(passphraseArg, null);
        String hash = string(k.arguments().get("hash_function"), Pbkdf2KeyProvider.DEFAULT_HASH_FUNCTION);
        Integer keyLength = number(k.arguments().get("key_length"), Pbkdf2KeyProvider.DEFAULT_KEY_LENGTH);
        Integer iterations = number(k.arguments().get("iterations"), Pbkdf2KeyProvider.DEFAULT_ITERATIONS);
        Integer saltLength = number(k.arguments().get("salt_length"), Pbkdf2KeyProvider.DEFAULT_SALT_LENGTH);
        if (passphrase == null || hash == null || keyLength == null || iterations == null || saltLength == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pbkdf2KeyProvider.of(k.address(), passphrase, keyLength, iterations, hash, saltLength));
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid key provider configuration",
                    k.address() + ": " + e.getMessage() + ".",
                    k.block().range()));
            return Optional.empty();
        }
    }

    private Optional<EncryptionMethod> method(EncryptionConfig.Named m) {
        switch (m.type()) {
            case "unencrypted" -> {
                return allowedArguments(m, Set.of())
                        ? Optional.of(new UnencryptedMethod(m.address()))
                        : Optional.empty();
            }
            case "aes_gcm" -> {
                if (m.arguments().containsKey("aad")) {
                    diagnostics.add(Diagnostic.error(
                            "Unsupported argument",
                            "Netform does not support \"aad\" (additional authenticated data) in method \"aes_gcm\".",
                            m.arguments().get("aad").nameRange()));
                    return Optional.empty();
                }
                if (!allowedArguments(m, Set.of("keys"))) {
                    return Optional.empty();
                }
                Attribute keys = m.arguments().get("keys");
                if (keys == null) {
                    diagnostics.add(Diagnostic.error(
                            "Missing required argument",
                            "The argument \"keys\" is required in " + m.address() + ".",
                            m.block().range()));
                    return Optional.empty();
                }
                return reference(keys, "key_provider")
                        .map(address -> Optional.ofNullable(keyProviders.get(address)))
                        .flatMap(p -> p)
                        .map(p -> new AesGcmMethod(m.address(), p, null));
            }
            default -> {
                diagnostics.add(Diagnostic.error(
                        "Unsupported encryption method",
                        "Netform supports method \"aes_gcm\" and \"unencrypted\" only, not \"" + m.type() + "\".",
                        m.block().labels().get(0).range()));
                return Optional.empty();
            }
        }
    }

    private EncryptionTarget target(String name, EncryptionConfig.Target target) {
        if (target == null) {
            return EncryptionTarget.none(name);
        }
        EncryptionMethod primary = method(target.method());
        List<EncryptionMethod> fallbacks = new ArrayList<>();
        for (EncryptionConfig.Target f = target.fallback(); f != null; f = f.fallback()) {
            EncryptionMethod fallback = method(f.method());
            if (fallback == null) {
                diagnostics.add(Diagnostic.error(
                        "Missing required argument",
                        "A fallback block needs a method (method = method.TYPE.NAME).",
                        f.range()));
            } else {
                fallbacks.add(fallback);
            }
        }
        boolean enforced = false;
        if (target.enforced() != null) {
            Value v = evaluate(target.enforced(), Type.BOOL);
            enforced = v != null && v.asBoolean();
            // Refused before anything is done, rather than when the first write would fail mid-apply.
            if (enforced && !(primary instanceof AesGcmMethod) && !failed.contains(addressOf(target.method()))) {
                diagnostics.add(Diagnostic.error(
                        "Unencrypted " + name + " forbidden",
                        "Encryption of the " + name + " is enforced, but "
                                + (primary == null
                                        ? "no method is configured for it (in the " + name + " block or TF_ENCRYPTION)"
                                        : "its method is " + primary.address())
                                + ", which would write it in clear.",
                        target.enforced().expression().range()));
            }
        }
        return new EncryptionTarget(name, primary, fallbacks, enforced);
    }

    private static String addressOf(Attribute attribute) {
        return attribute == null
                ? ""
                : References.of(attribute.expression()).stream()
                        .findFirst()
                        .map(Reference::toString)
                        .orElse("");
    }

    private EncryptionMethod method(Attribute attribute) {
        if (attribute == null) {
            return null;
        }
        return reference(attribute, "method").map(methods::get).orElse(null);
    }

    /**
     * The address {@code attribute} refers to, which must be a reference {@code KIND.TYPE.NAME} to a block of
     * the encryption configuration; empty after an error when it is not (a block that failed to build has
     * its own error already).
     */
    private Optional<String> reference(Attribute attribute, String kind) {
        List<Reference> refs = References.of(attribute.expression());
        boolean plain = attribute.expression() instanceof Expression.GetAttr
                && refs.size() == 1
                && refs.get(0).root().equals(kind)
                && refs.get(0).steps().size() == 2
                && refs.get(0).steps().stream().allMatch(s -> s instanceof Reference.Attr);
        if (!plain) {
            diagnostics.add(Diagnostic.error(
                    "Invalid " + kind + " reference",
                    "The argument \"" + attribute.name() + "\" must refer to a " + kind + " block of the "
                            + "encryption configuration, as " + kind + ".TYPE.NAME.",
                    attribute.expression().range()));
            return Optional.empty();
        }
        Reference ref = refs.get(0);
        String address = kind + "." + ((Reference.Attr) ref.steps().get(0)).name() + "."
                + ((Reference.Attr) ref.steps().get(1)).name();
        boolean declared =
                kind.equals("key_provider") ? keyProviders.containsKey(address) : methods.containsKey(address);
        if (!declared && !failed.contains(address)) {
            diagnostics.add(Diagnostic.error(
                    "Undefined " + kind,
                    address + " is not declared in the encryption configuration.",
                    attribute.expression().range()));
        }
        return Optional.of(address);
    }

    private boolean allowedArguments(EncryptionConfig.Named block, Set<String> allowed) {
        boolean ok = true;
        for (Attribute a : block.arguments().values()) {
            if (!allowed.contains(a.name())) {
                diagnostics.add(Diagnostic.error(
                        "Unsupported argument",
                        "An argument named \"" + a.name() + "\" is not expected in " + block.address() + ".",
                        a.nameRange()));
                ok = false;
            }
        }
        return ok;
    }

    private String string(Attribute attribute, String fallback) {
        if (attribute == null) {
            return fallback;
        }
        Value v = evaluate(attribute, Type.STRING);
        return v == null ? null : v.asString();
    }

    private Integer number(Attribute attribute, int fallback) {
        if (attribute == null) {
            return fallback;
        }
        Value v = evaluate(attribute, Type.NUMBER);
        if (v == null) {
            return null;
        }
        try {
            return v.asBigDecimal().intValueExact();
        } catch (ArithmeticException e) {
            diagnostics.add(Diagnostic.error(
                    "Invalid value",
                    "The argument \"" + attribute.name() + "\" must be a whole number.",
                    attribute.expression().range()));
            return null;
        }
    }

    /** {@code attribute}'s known, non-null value of {@code type}, unmarked; null after an error. */
    private Value evaluate(Attribute attribute, Type type) {
        Value v = evaluate(attribute.expression());
        if (v == null) {
            return null;
        }
        if (!v.isWhollyKnown() || v.isNull()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid value",
                    "The argument \"" + attribute.name() + "\" must have a known, non-null value.",
                    attribute.expression().range()));
            return null;
        }
        try {
            return Conversion.convert(v.unmarkDeep(), type);
        } catch (ConversionException e) {
            diagnostics.add(Diagnostic.error(
                    "Incorrect value type",
                    "The argument \"" + attribute.name() + "\" must be a " + type.friendlyName() + ": " + e.getMessage()
                            + ".",
                    attribute.expression().range()));
            return null;
        }
    }

    /** Evaluates {@code expression} early: variables, static local values and functions only. */
    private Value evaluate(Expression expression) {
        Map<String, Value> varValues = new LinkedHashMap<>();
        Map<String, Value> localValues = new LinkedHashMap<>();
        boolean ok = true;
        for (Reference ref : References.of(expression)) {
            String name = ref.steps().isEmpty() || !(ref.steps().get(0) instanceof Reference.Attr a) ? null : a.name();
            if (ref.root().equals("var")
                    && name != null
                    && root != null
                    && root.variables().containsKey(name)) {
                Value v = variables.get(name);
                if (v == null || v.isNull() || !v.isWhollyKnown()) {
                    diagnostics.add(Diagnostic.error(
                            "No value for variable",
                            "The encryption configuration uses var." + name + ", which has no value: set it with "
                                    + "-var, a .tfvars file or the environment variable TF_VAR_" + name + ".",
                            ref.range()));
                    ok = false;
                } else {
                    varValues.put(name, v);
                }
            } else if (ref.root().equals("local")
                    && name != null
                    && root != null
                    && root.locals().containsKey(name)) {
                Value v = local(root.locals().get(name), ref.range());
                ok &= v != null;
                if (v != null) {
                    localValues.put(name, v);
                }
            } else {
                diagnostics.add(Diagnostic.error(
                        "Invalid reference in the encryption configuration",
                        "The encryption configuration is evaluated before anything else, so it can refer only to "
                                + "the root module's declared variables (var.NAME) and to local values made of them "
                                + "(local.NAME), not to \"" + ref.root() + (name == null ? "" : "." + name) + "\".",
                        ref.range()));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Map<String, Value> names = new HashMap<>();
        names.put("var", Value.object(varValues));
        names.put("local", Value.object(localValues));
        Evaluation e = Evaluator.evaluate(expression, Scope.of(names, functions));
        diagnostics.addAll(e.diagnostics());
        return e.hasErrors() ? null : e.value();
    }

    private Value local(Local local, SourceRange usedAt) {
        if (locals.containsKey(local.name())) {
            return locals.get(local.name());
        }
        if (!evaluatingLocals.add(local.name())) {
            diagnostics.add(Diagnostic.error(
                    "Cycle in local values",
                    "local." + local.name() + " refers to itself through " + String.join(", ", evaluatingLocals) + ".",
                    usedAt));
            return null;
        }
        Value v = evaluate(local.expression());
        evaluatingLocals.remove(local.name());
        locals.put(local.name(), v);
        return v;
    }
}
