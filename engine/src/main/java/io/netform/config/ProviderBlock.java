package io.netform.config;

import io.netform.hcl.Body;
import io.netform.hcl.SourceRange;

/**
 * A {@code provider} block: the configuration of one provider, decoded later against the provider's
 * own schema.
 *
 * @param name   the provider's local name
 * @param alias  the alias, or null for the default configuration
 * @param config the provider-specific arguments
 */
public record ProviderBlock(String name, String alias, Body config, SourceRange range) {

    /** {@code name} or {@code name.alias}, the way resources refer to it. */
    public String key() {
        return alias == null ? name : name + "." + alias;
    }
}
