package io.netform.config;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One module: the decoded content of the {@code .tf} files of a directory, with the modules it calls.
 *
 * @param path      the names of the module calls from the root ({@code []} for the root module)
 * @param directory the module's directory ({@code path.module})
 * @param children  the called modules, by call name
 * @param stateBlocks the module's import, moved and removed blocks
 * @param checks    the check blocks, by name
 */
public record Module(
        List<String> path,
        Path directory,
        Settings settings,
        Map<String, Variable> variables,
        Map<String, Local> locals,
        Map<String, Output> outputs,
        Map<String, ProviderBlock> providers,
        Map<Resource, ResourceConfig> resources,
        Map<String, ModuleCall> calls,
        Map<String, Module> children,
        StateBlocks stateBlocks,
        Map<String, Check> checks) {

    /**
     * The {@code terraform} block: required version and providers, the backend block (null when none) and
     * the encryption block ({@link EncryptionConfig#NONE} when none).
     */
    public record Settings(
            String requiredVersion,
            Map<String, ProviderRequirement> requiredProviders,
            BackendBlock backend,
            EncryptionConfig encryption) {
        /** No terraform block. */
        public static final Settings NONE = new Settings(null, Map.of(), null, EncryptionConfig.NONE);

        public Settings {
            requiredProviders = ordered(requiredProviders);
        }

        /** The backend's type, null when there is no backend block. */
        public String backendType() {
            return backend == null ? null : backend.type();
        }

        /** The backend block's settings, empty when there is none. */
        public Map<String, String> backendConfig() {
            return backend == null ? Map.of() : backend.config();
        }
    }

    public Module {
        path = List.copyOf(path);
        variables = ordered(variables);
        locals = ordered(locals);
        outputs = ordered(outputs);
        providers = ordered(providers);
        resources = ordered(resources);
        calls = ordered(calls);
        children = ordered(children);
        stateBlocks = stateBlocks == null ? StateBlocks.NONE : stateBlocks;
        checks = ordered(checks);
    }

    /** The check that declares the scoped data source {@code resource}, or null. */
    public Check checkScoping(Resource resource) {
        for (Check c : checks.values()) {
            if (c.scoped(resource) != null) {
                return c;
            }
        }
        return null;
    }

    /** This module with {@code replacing} in place of its provider blocks of the same name and alias. */
    public Module withProviders(Map<String, ProviderBlock> replacing) {
        Map<String, ProviderBlock> merged = new java.util.LinkedHashMap<>(providers);
        merged.putAll(replacing);
        return new Module(
                path,
                directory,
                settings,
                variables,
                locals,
                outputs,
                merged,
                resources,
                calls,
                children,
                stateBlocks,
                checks);
    }

    /** The module that {@code callPath}'s module calls lead to from this one, or null if a call is not declared. */
    public Module descendant(List<String> callPath) {
        Module m = this;
        for (String call : callPath) {
            m = m == null ? null : m.children().get(call);
        }
        return m;
    }

    /**
     * Whether {@code target} could name something this configuration declares, as Terraform's TargetExists: a
     * module call, or a resource of the module its calls lead to. Instance keys are disregarded, since they are
     * known only once the configuration is expanded.
     */
    public boolean declares(AddressParser.Target target) {
        if (target instanceof AddressParser.ModuleTarget t) {
            return descendant(t.module().configPath()) != null;
        }
        if (target instanceof AddressParser.ResourceTarget t) {
            return declares(t.resource().module(), t.resource().resource());
        }
        AddressParser.ResourceInstanceTarget t = (AddressParser.ResourceInstanceTarget) target;
        return declares(t.instance().module(), t.instance().resource().resource());
    }

    private boolean declares(ModuleInstance module, Resource resource) {
        Module m = descendant(module.configPath());
        return m != null && m.resources().containsKey(resource);
    }

    /** Whether this is the root module. */
    public boolean isRoot() {
        return path.isEmpty();
    }

    /** An unmodifiable copy that keeps the order in which things were declared, so output is stable. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
}
