package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Expression;
import io.netform.hcl.JsonSyntax;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Reference;
import io.netform.lang.References;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.state.ValueJson;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expressions as the configuration part of Terraform's plan JSON writes them, unevaluated:
 * {@code {"constant_value": V}} when an expression needs nothing from outside (no reference, no
 * function call), {@code {"references": [...]}} when it refers to something, and {@code {}} otherwise.
 */
final class ConfigExpressionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Scope NOTHING = Scope.of(Map.of(), Functions.NONE);

    private ConfigExpressionJson() {}

    /** One expression. */
    static ObjectNode expression(Expression e) {
        ObjectNode out = NODES.objectNode();
        List<String> references = new ArrayList<>();
        for (Reference ref : References.of(e)) {
            references.addAll(ReferenceStrings.unwrapped(ref));
        }
        if (!references.isEmpty()) {
            ArrayNode list = out.putArray("references");
            references.forEach(list::add);
            return out;
        }
        Evaluation constant = Evaluator.evaluate(e, NOTHING);
        if (!constant.hasErrors() && constant.value().isWhollyKnown()) {
            out.set("constant_value", ValueJson.known(constant.value()));
        }
        return out;
    }

    /**
     * The arguments and nested blocks of a block's body, by name. With the block's schema, only what
     * it declares is written and nested blocks take their nesting's shape (an object, a list of
     * objects, or a map of them by label); without one (the provider could not be started), every
     * argument is written and each nested block type is a list. {@code dynamic} blocks are left out,
     * as Terraform does: their content exists only once expanded.
     */
    static ObjectNode body(Body body, SchemaBlock schema) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (schema != null) {
            body = JsonSyntax.withBlocks(body, schema.blockTypes().keySet());
        }
        for (Attribute a : body.attributes()) {
            if (schema == null || schema.attributes().containsKey(a.name())) {
                out.put(a.name(), expression(a.expression()));
            }
        }
        for (Block b : body.blocks()) {
            NestedBlock nested = schema == null ? null : schema.blockTypes().get(b.type());
            if (b.type().equals("dynamic") || (schema != null && nested == null)) {
                continue;
            }
            ObjectNode content = body(b.body(), nested == null ? null : nested.block());
            Nesting nesting = nested == null ? Nesting.LIST : nested.nesting();
            switch (nesting) {
                case SINGLE, GROUP -> out.put(b.type(), content);
                case LIST, SET -> ((ArrayNode) out.computeIfAbsent(b.type(), t -> NODES.arrayNode())).add(content);
                case MAP -> {
                    if (!b.labels().isEmpty()) {
                        ((ObjectNode) out.computeIfAbsent(b.type(), t -> NODES.objectNode()))
                                .set(b.labels().get(0).value(), content);
                    }
                }
            }
        }
        ObjectNode node = NODES.objectNode();
        out.forEach(node::set);
        return node;
    }

    /** A {@code depends_on} list: the address each entry names. */
    static ArrayNode dependsOn(List<Expression> entries) {
        ArrayNode out = NODES.arrayNode();
        for (Expression e : entries) {
            List<Reference> refs = References.of(e);
            if (refs.size() == 1) {
                ReferenceStrings.address(refs.get(0)).ifPresent(out::add);
            }
        }
        return out;
    }
}
