package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import java.util.List;
import java.util.Objects;

/**
 * One provider entry of the dependency lock file: the version selected, the constraints it was
 * selected under, the hashes its plugin may have, and an explanatory comment written above it.
 *
 * @param constraints the configuration's constraint text, empty when none applies
 * @param comment     text written as {@code #} lines above the entry, empty for none
 */
public record LockedProvider(
        ProviderSource source, Version version, String constraints, List<String> hashes, String comment) {

    public LockedProvider {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        constraints = constraints == null ? "" : constraints;
        hashes = hashes.stream().distinct().sorted().toList();
        comment = comment == null ? "" : comment;
    }
}
