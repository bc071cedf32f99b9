package io.netform.config;

import io.netform.addrs.Resource;
import io.netform.hcl.SourceRange;
import java.util.List;

/**
 * A {@code check} block: assertions about the infrastructure that are reported as warnings, never
 * as errors, with data sources scoped to the check (readable only from inside it).
 *
 * @param data    the scoped data sources, in source order
 * @param asserts the {@code assert} blocks, in source order
 */
public record Check(String name, List<ResourceConfig> data, List<Condition> asserts, SourceRange declRange) {

    public Check {
        data = List.copyOf(data);
        asserts = List.copyOf(asserts);
    }

    /** The scoped data source declared as {@code resource} in this check, or null. */
    public ResourceConfig scoped(Resource resource) {
        for (ResourceConfig d : data) {
            if (d.address().equals(resource)) {
                return d;
            }
        }
        return null;
    }
}
