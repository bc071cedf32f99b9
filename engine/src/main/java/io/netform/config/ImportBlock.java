package io.netform.config;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ResourceInstance;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.hcl.TemplatePart;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An {@code import { to = ADDRESS, id = "..." }} block: the existing object with that id becomes the
 * resource instance at {@code to} the next time the configuration is applied.
 *
 * @param resource the resource {@code to} names
 * @param key      the instance key expression of {@code to} (it may use {@code each}), or null for none
 * @param id       the provider's id of the object, an expression of values known when planning
 * @param forEach  the block's {@code for_each} expression, or null
 * @param range    where the block is written
 */
public record ImportBlock(AbsResource resource, Expression key, Expression id, Expression forEach, SourceRange range) {

    public ImportBlock {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(id, "id");
    }

    /** An import of {@code id} into {@code to}, as {@code netform import ADDRESS ID} asks; {@code at} may be null. */
    public static ImportBlock of(ResourceInstance to, String id, SourceRange at) {
        return new ImportBlock(to.resource(), keyLiteral(to.key(), at), stringLiteral(id, at), null, at);
    }

    /** A constant instance key as an expression, so that constant and computed keys are evaluated alike. */
    static Expression keyLiteral(InstanceKey key, SourceRange at) {
        if (key instanceof InstanceKey.CountIndex i) {
            return new Expression.NumberLiteral(BigDecimal.valueOf(i.value()), at);
        }
        return key instanceof InstanceKey.EachKey k ? stringLiteral(k.value(), at) : null;
    }

    private static Expression stringLiteral(String s, SourceRange at) {
        return new Expression.Template(List.of(new TemplatePart.Literal(s, at)), at);
    }
}
