package io.netform.config;

import io.netform.addrs.ProviderSource;
import io.netform.hcl.SourceRange;
import io.netform.plugins.VersionConstraint;

/** One entry of {@code required_providers}: where a provider comes from and which versions will do. */
public record ProviderRequirement(
        String localName, ProviderSource source, VersionConstraint version, SourceRange range) {}
