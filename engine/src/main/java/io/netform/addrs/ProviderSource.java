package io.netform.addrs;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a provider comes from: {@code registry.terraform.io/netform/nsxt}, written {@code netform/nsxt} in config. */
public record ProviderSource(String hostname, String namespace, String type) {

    /** The host implied when a source names only a namespace and a type, as Terraform's registry. */
    public static final String DEFAULT_HOST = "registry.terraform.io";

    /** The provider built into the engine, {@code terraform.io/builtin/terraform}, which no configuration installs. */
    public static final ProviderSource BUILTIN = new ProviderSource("terraform.io", "builtin", "terraform");

    private static final Pattern PART = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+(:[0-9]+)?");

    public ProviderSource {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Parses {@code [HOST/]NAMESPACE/TYPE}, or a bare {@code TYPE}, which means {@code hashicorp/TYPE} as in Terraform.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static ProviderSource parse(String source) {
        String[] parts = source.toLowerCase(Locale.ROOT).split("/", -1);
        ProviderSource parsed = switch (parts.length) {
            case 1 -> new ProviderSource(DEFAULT_HOST, "hashicorp", parts[0]);
            case 2 -> new ProviderSource(DEFAULT_HOST, parts[0], parts[1]);
            case 3 -> new ProviderSource(parts[0], parts[1], parts[2]);
            default ->
                throw new IllegalArgumentException("invalid provider source \"" + source
                        + "\": expected NAMESPACE/TYPE or HOSTNAME/NAMESPACE/TYPE");
        };
        if (!HOST.matcher(parsed.hostname).matches()
                || !PART.matcher(parsed.namespace).matches()
                || !PART.matcher(parsed.type).matches()) {
            throw new IllegalArgumentException("invalid provider source \"" + source
                    + "\": each part may contain only letters, digits and dashes");
        }
        return parsed;
    }

    /**
     * The provider a local name that required_providers does not declare stands for: {@code terraform}
     * is the built-in provider, any other {@code NAME} is {@code hashicorp/NAME}, as in Terraform.
     */
    public static ProviderSource implied(String localName) {
        return localName.equals(BUILTIN.type) ? BUILTIN : parse(localName);
    }

    /** Whether this is a provider built into the engine ({@code terraform.io/builtin/TYPE}), never installed. */
    public boolean isBuiltIn() {
        return hostname.equals(BUILTIN.hostname) && namespace.equals(BUILTIN.namespace);
    }

    /** The short form users write: {@code netform/nsxt}, or the full form for another host. */
    public String display() {
        return hostname.equals(DEFAULT_HOST) ? namespace + "/" + type : toString();
    }

    @Override
    public String toString() {
        return hostname + "/" + namespace + "/" + type;
    }
}
