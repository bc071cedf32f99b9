package io.netform.lang.function;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** The functions a configuration may call, by name. */
public final class FunctionRegistry {
    private static final String CORE_NAMESPACE = "core::";
    private final Map<String, Function> functions;

    private FunctionRegistry(Map<String, Function> functions) {
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    /**
     * Terraform's built-in functions for a module in {@code baseDir}; templatefile reports that no
     * template engine is available.
     */
    public static FunctionRegistry terraform(Path baseDir) {
        return terraform(baseDir, TemplateRenderer.UNAVAILABLE, Clock.systemUTC());
    }

    /** Terraform's built-in functions, rendering templatefile's templates with {@code renderer}. */
    public static FunctionRegistry terraform(Path baseDir, TemplateRenderer renderer) {
        return terraform(baseDir, renderer, Clock.systemUTC());
    }

    /** As {@link #terraform(Path, TemplateRenderer)}, with timestamp() reading {@code clock}. */
    public static FunctionRegistry terraform(Path baseDir, TemplateRenderer renderer, Clock clock) {
        Map<String, Function> all = new TreeMap<>();
        AtomicReference<FunctionRegistry> built = new AtomicReference<>();
        List<List<Function>> families = List.of(
                NumericFunctions.all(),
                StringFunctions.all(),
                RegexFunctions.all(),
                FormatFunctions.all(),
                CollectionFunctions.all(),
                SequenceFunctions.all(),
                MapFunctions.all(),
                SetFunctions.all(),
                EncodingFunctions.all(),
                HashFunctions.all(),
                CidrFunctions.all(),
                TypeFunctions.all(),
                TimeFunctions.all(clock),
                new FilesystemFunctions(baseDir, renderer, () -> built.get().templateFunctions()).all());
        for (List<Function> family : families) {
            for (Function f : family) {
                if (all.put(f.name(), f) != null) {
                    throw new IllegalStateException("two functions are named " + f.name());
                }
            }
        }
        built.set(new FunctionRegistry(all));
        return built.get();
    }

    /** The function called {@code name}; built-ins may also be named {@code core::NAME}. */
    public Optional<Function> lookup(String name) {
        return Optional.ofNullable(functions.get(withoutCoreNamespace(name)));
    }

    /** {@code name} without the {@code core::} namespace a built-in function may be called with. */
    public static String withoutCoreNamespace(String name) {
        return name.startsWith(CORE_NAMESPACE) ? name.substring(CORE_NAMESPACE.length()) : name;
    }

    public Set<String> names() {
        return functions.keySet();
    }

    /** Every function by name. */
    public Map<String, Function> functions() {
        return functions;
    }

    /**
     * What a template rendered by templatefile may call: everything, but templatefile itself only
     * reports that it cannot be called recursively.
     */
    private Map<String, Function> templateFunctions() {
        Map<String, Function> copy = new TreeMap<>(functions);
        copy.put("templatefile", FilesystemFunctions.recursiveTemplatefile());
        return Collections.unmodifiableMap(copy);
    }
}
