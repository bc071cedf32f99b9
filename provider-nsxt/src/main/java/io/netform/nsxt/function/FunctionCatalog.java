package io.netform.nsxt.function;

import io.netform.provider.ProviderFunction;
import java.util.Map;

/** Every function of the provider, by the name configurations call it by. */
public final class FunctionCatalog {

    private FunctionCatalog() {}

    public static Map<String, ProviderFunction> all() {
        return Map.of(
                "path_id", new PathIdFunction(),
                "ip_in_ranges", new IpInRangesFunction());
    }
}
