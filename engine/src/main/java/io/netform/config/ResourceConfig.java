package io.netform.config;

import io.netform.addrs.Resource;
import io.netform.hcl.Body;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.util.List;

/**
 * A {@code resource} or {@code data} block.
 *
 * @param count     the {@code count} expression, or null
 * @param forEach   the {@code for_each} expression, or null
 * @param provider  the provider configuration it uses ({@code name} or {@code name.alias}); by default the
 *                  provider named by the type's prefix
 * @param dependsOn the {@code depends_on} references
 * @param config    the provider-specific arguments and blocks, decoded later against the provider's schema
 */
public record ResourceConfig(
        Resource address,
        Expression count,
        Expression forEach,
        String provider,
        List<Expression> dependsOn,
        Lifecycle lifecycle,
        Body config,
        SourceRange declRange) {

    public ResourceConfig {
        dependsOn = List.copyOf(dependsOn);
    }

    /** The provider local name a type implies: the part before the first underscore. */
    public static String impliedProvider(String type) {
        int underscore = type.indexOf('_');
        return underscore < 0 ? type : type.substring(0, underscore);
    }
}
