package io.netform.lang.function;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
        return terraform(baseDir, renderer, clock, Optional.empty());
    }

    /**
     * As {@link #terraform(Path, TemplateRenderer, Clock)}, with plantimestamp() giving the time the plan
     * was made, or an unknown value without a plan (validate, console).
     */
    public static FunctionRegistry terraform(
            Path baseDir, TemplateRenderer renderer, Clock clock, Optional<Instant> planTimestamp) {
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
                TimeFunctions.all(clock, planTimestamp),
                List.of(
                        RsaDecrypt.function(),
                        TemplateFunctions.templatestring(
                                renderer, () -> built.get().templateFunctions(false))),
                new FilesystemFunctions(baseDir, renderer, () -> built.get().templateFunctions(true)).all());
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
     * What a template may call, as Terraform 1.9 decides: everything, but templatefile and
     * templatestring only report that they cannot be called recursively, and, in templatestring's
     * templates ({@code fileAccess} false), the functions that read files that they may not.
     */
    private Map<String, Function> templateFunctions(boolean fileAccess) {
        Map<String, Function> copy = new TreeMap<>(functions);
        if (!fileAccess) {
            for (String name : FilesystemFunctions.FILE_READERS) {
                copy.put(
                        name,
                        functions
                                .get(name)
                                .refusing("cannot use filesystem access functions like " + name
                                        + " in templatestring templates; consider passing the function result as a template variable"
                                        + " instead"));
            }
        }
        for (String name : TemplateFunctions.RENDERERS) {
            copy.put(
                    name,
                    functions
                            .get(name)
                            .refusing("cannot recursively call " + name + " from inside another template function"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
