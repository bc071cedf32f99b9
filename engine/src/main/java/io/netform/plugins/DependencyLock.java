package io.netform.plugins;

import io.netform.addrs.ProviderSource;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The provider selections recorded in a dependency lock file, one entry per provider source. */
public final class DependencyLock {

    private final Map<ProviderSource, LockedProvider> providers;

    private DependencyLock(Map<ProviderSource, LockedProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** A lock with no entries, as before the first {@code netform init}. */
    public static DependencyLock empty() {
        return new DependencyLock(new TreeMap<>(Comparator.comparing(ProviderSource::toString)));
    }

    /** A lock holding exactly these entries. */
    public static DependencyLock of(Collection<LockedProvider> entries) {
        DependencyLock lock = empty();
        for (LockedProvider entry : entries) {
            lock = lock.with(entry);
        }
        return lock;
    }

    /** The entry for {@code source}. */
    public Optional<LockedProvider> get(ProviderSource source) {
        return Optional.ofNullable(providers.get(source));
    }

    /** Every entry, ordered by source address as the file lists them. */
    public Collection<LockedProvider> providers() {
        return providers.values();
    }

    /** This lock with {@code entry} added or replacing the entry for its source. */
    public DependencyLock with(LockedProvider entry) {
        Map<ProviderSource, LockedProvider> copy = new TreeMap<>(Comparator.comparing(ProviderSource::toString));
        copy.putAll(providers);
        copy.put(entry.source(), entry);
        return new DependencyLock(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DependencyLock other && providers.equals(other.providers);
    }

    @Override
    public int hashCode() {
        return providers.hashCode();
    }

    @Override
    public String toString() {
        return providers.values().toString();
    }
}
