package io.netform.walk;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.JsonSyntax;
import io.netform.hcl.SourceRange;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.NameSuggestion;
import io.netform.lang.Scope;
import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a resource's (or provider's) configuration body against the provider's schema into one
 * object value: every attribute converted to its type, nested blocks collected by their nesting mode,
 * {@code dynamic} blocks expanded, and Terraform's diagnostics for anything that does not fit.
 */
public final class ConfigDecoder {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private ConfigDecoder() {}

    /** The configuration value of {@code body} under {@code schema}, evaluated in {@code scope}. */
    public static Evaluation decode(Body body, SchemaBlock schema, Scope scope) {
        ConfigDecoder decoder = new ConfigDecoder();
        Value value = decoder.block(body, schema, scope);
        return new Evaluation(value, decoder.diagnostics);
    }

    /** Every expression written in {@code body} and its nested blocks, for building the scope they need. */
    public static List<io.netform.hcl.Expression> expressions(Body body) {
        List<io.netform.hcl.Expression> all = new ArrayList<>();
        collect(body, all);
        return all;
    }

    private static void collect(Body body, List<io.netform.hcl.Expression> into) {
        body.attributes().forEach(a -> into.add(a.expression()));
        body.blocks().forEach(b -> collect(b.body(), into));
    }

    private Value block(Body body, SchemaBlock schema, Scope scope) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        Map<String, Attribute> given = new LinkedHashMap<>();
        body = JsonSyntax.withBlocks(body, schema.blockTypes().keySet());
        for (Attribute a : body.attributes()) {
            SchemaAttribute s = schema.attributes().get(a.name());
            if (s == null || (!s.isRequired() && !s.isOptional())) {
                unsupportedArgument(a, schema, s != null);
                continue;
            }
            if (given.putIfAbsent(a.name(), a) != null) {
                diagnostics.add(Diagnostic.error(
                        "Attribute redefined",
                        "The argument \"" + a.name() + "\" was already set at "
                                + given.get(a.name()).nameRange() + ".",
                        a.nameRange()));
            }
        }
        for (SchemaAttribute s : schema.attributes().values()) {
            Attribute a = given.get(s.name());
            if (a == null) {
                if (s.isRequired()) {
                    diagnostics.add(Diagnostic.error(
                            "Missing required argument",
                            "The argument \"" + s.name() + "\" is required, but no definition was found.",
                            startOf(body.range())));
                }
                attrs.put(s.name(), Value.nullOf(s.type()));
                continue;
            }
            attrs.put(s.name(), attribute(a, s, scope));
        }
        // Static and dynamic blocks of a type stay in source order, as HCL's dynblock expands them in place.
        Map<String, List<Block>> blocks = new LinkedHashMap<>();
        for (Block b : body.blocks()) {
            boolean dynamic = NestedBlocks.isDynamic(b);
            String type = dynamic ? b.labels().get(0).value() : b.type();
            if (!schema.blockTypes().containsKey(type)) {
                unsupportedBlock(b, type, schema, dynamic);
                continue;
            }
            blocks.computeIfAbsent(type, k -> new ArrayList<>()).add(b);
        }
        for (NestedBlock nested : schema.blockTypes().values()) {
            attrs.put(
                    nested.typeName(),
                    new NestedBlocks(this, nested, body.range())
                            .collect(blocks.getOrDefault(nested.typeName(), List.of()), scope));
        }
        return Value.object(attrs);
    }

    /** The value of one nested block's body (used by {@link NestedBlocks}). */
    Value nestedBody(Body body, SchemaBlock schema, Scope scope) {
        return block(body, schema, scope);
    }

    private Value attribute(Attribute a, SchemaAttribute s, Scope scope) {
        Value v = evaluate(a.expression(), scope);
        try {
            return Conversion.convert(v, s.type());
        } catch (ConversionException e) {
            diagnostics.add(Diagnostic.error(
                    "Incorrect attribute value type",
                    "Inappropriate value for attribute \"" + s.name() + "\": " + e.getMessage() + ".",
                    a.expression().range()));
            return Value.unknown(s.type());
        }
    }

    Value evaluate(io.netform.hcl.Expression e, Scope scope) {
        Evaluation result = Evaluator.evaluate(e, scope);
        diagnostics.addAll(result.diagnostics());
        return result.value();
    }

    void error(String summary, String detail, SourceRange at) {
        diagnostics.add(Diagnostic.error(summary, detail, at));
    }

    private void unsupportedArgument(Attribute a, SchemaBlock schema, boolean computedOnly) {
        String detail;
        if (schema.blockTypes().containsKey(a.name())) {
            detail = "An argument named \"" + a.name() + "\" is not expected here. Did you mean to define a block of "
                    + "type \"" + a.name() + "\"?";
        } else if (computedOnly) {
            detail = "An argument named \"" + a.name() + "\" is not expected here: the provider sets it, and it "
                    + "cannot be configured.";
        } else {
            List<String> settable = schema.attributes().values().stream()
                    .filter(s -> s.isRequired() || s.isOptional())
                    .map(SchemaAttribute::name)
                    .toList();
            detail = "An argument named \"" + a.name() + "\" is not expected here."
                    + NameSuggestion.didYouMean(a.name(), settable);
        }
        diagnostics.add(Diagnostic.error("Unsupported argument", detail, a.nameRange()));
    }

    private void unsupportedBlock(Block b, String type, SchemaBlock schema, boolean dynamic) {
        String detail;
        if (schema.attributes().containsKey(type)) {
            detail = "Blocks of type \"" + type + "\" are not expected here. Did you mean to define argument \"" + type
                    + "\"? If so, use the equals sign to assign it a value.";
        } else {
            detail = "Blocks of type \"" + type + "\" are not expected here."
                    + NameSuggestion.didYouMean(type, schema.blockTypes().keySet());
        }
        diagnostics.add(Diagnostic.error(
                "Unsupported block type", detail, dynamic ? b.labels().get(0).range() : b.typeRange()));
    }

    private static SourceRange startOf(SourceRange r) {
        return r == null ? null : new SourceRange(r.file(), r.start(), r.start());
    }
}
