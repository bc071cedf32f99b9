package io.netform.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The schemas of the providers a command has started, per source and version, so that each
 * provider's schema is fetched and converted once however many configurations of it run.
 */
final class SchemaCache {

    private record Key(String source, String version) {}

    private final Map<Key, SchemaTypes> schemas = new ConcurrentHashMap<>();

    /** The cached schema of {@code provider}, fetching it with {@code fetch} the first time (once, even when asked concurrently). */
    SchemaTypes get(InstalledProvider provider, Supplier<SchemaTypes> fetch) {
        Key key = new Key(provider.source().toString(), provider.version().toString());
        return schemas.computeIfAbsent(key, k -> fetch.get());
    }
}
