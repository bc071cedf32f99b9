package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.util.List;
import java.util.Map;

/**
 * A {@code module} block calling a child module.
 *
 * @param source    the source as written, e.g. {@code ../../modules/cluster-network}
 * @param address   the source as Netform reads it: a local path, a git repository or a directory
 * @param inputs    the arguments that set the child's variables
 * @param providers the child's provider configurations by the caller's: {@code nsxt = nsxt.west}
 */
public record ModuleCall(
        String name,
        String source,
        ModuleSource address,
        Expression count,
        Expression forEach,
        Map<String, Attribute> inputs,
        Map<String, String> providers,
        List<Expression> dependsOn,
        SourceRange declRange) {

    public ModuleCall {
        inputs = Module.ordered(inputs);
        providers = Module.ordered(providers);
        dependsOn = List.copyOf(dependsOn);
    }
}
