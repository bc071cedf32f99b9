package io.netform.addrs;

import java.util.Objects;

/**
 * One configuration of a provider in a module, as state records it:
 * {@code provider["registry.terraform.io/netform/nsxt"]} or {@code module.a.provider["…"].west}.
 */
public record ProviderConfig(ModuleInstance module, ProviderSource source, String alias) {

    public ProviderConfig {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(source, "source");
    }

    /** The default (unaliased) configuration of {@code source} in the root module. */
    public static ProviderConfig root(ProviderSource source) {
        return new ProviderConfig(ModuleInstance.ROOT, source, null);
    }

    /**
     * Parses the state form back.
     *
     * @throws IllegalArgumentException when {@code text} is not a provider configuration address
     */
    public static ProviderConfig parse(String text) {
        int start = text.indexOf("provider[\"");
        int end = text.indexOf("\"]", start + 1);
        if (start < 0 || end < 0 || (start > 0 && text.charAt(start - 1) != '.')) {
            throw new IllegalArgumentException("invalid provider configuration address \"" + text
                    + "\": expected provider[\"HOST/NAMESPACE/TYPE\"] with an optional .ALIAS");
        }
        ModuleInstance module =
                start == 0 ? ModuleInstance.ROOT : AddressParser.parseModule(text.substring(0, start - 1));
        ProviderSource source = ProviderSource.parse(text.substring(start + "provider[\"".length(), end));
        String rest = text.substring(end + 2);
        if (!rest.isEmpty() && !rest.startsWith(".")) {
            throw new IllegalArgumentException("invalid provider configuration address \"" + text + "\"");
        }
        return new ProviderConfig(module, source, rest.isEmpty() ? null : rest.substring(1));
    }

    @Override
    public String toString() {
        String base = "provider[\"" + source + "\"]" + (alias == null ? "" : "." + alias);
        return module.isRoot() ? base : module + "." + base;
    }
}
