package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.Plan;
import io.netform.plan.PlanFixtures;
import io.netform.plan.PlanJson;
import io.netform.plan.PlanJsonStructure;
import io.netform.plan.ResourceChange;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random values with nulls, unknowns and sensitive parts, before and after a change: the human
 * plan never shows a string from a sensitive part, and the plan JSON's mirrors always fit its values.
 */
class RenderPropertiesTest {

    private static final Ui PLAIN = new Ui(
            new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()), false);

    /** A type and two values of it. */
    record Change(Type type, Value before, Value after) {}

    @Property(tries = 500)
    void sensitivePartsAreNeverShownAndMirrorsFit(@ForAll("changes") Change change, @ForAll boolean create) {
        SchemaBlock schema = new SchemaBlock(
                Map.of(
                        "v", SchemaAttribute.of("v", change.type()).optional(),
                        "id", SchemaAttribute.of("id", Type.STRING).optionalComputed()),
                Map.of(),
                "",
                false);
        Value before = Value.object(Map.of("v", change.before(), "id", Value.string("x")));
        Value after = Value.object(Map.of("v", change.after(), "id", Value.string("x")));
        ResourceChange rc = PlanFixtures.change(
                "nsxt_policy_segment.r",
                create ? Action.CREATE : Action.UPDATE,
                ActionReason.NONE,
                schema,
                create ? Value.nullOf(schema.impliedType()) : before,
                after);
        Plan plan = PlanFixtures.plan(List.of(rc));
        String text = PlanRenderer.render(plan, c -> schema, PLAIN);
        assertThat(text).doesNotContain(PlanFixtures.SECRET_PREFIX);
        ProviderSchema provider = new ProviderSchema(
                Schema.of(SchemaBlock.empty()), Map.of("nsxt_policy_segment", new Schema(0, schema)), Map.of());
        PlanJsonStructure.check(PlanJson.encode(
                plan, PlanFixtures.configuration(), Map.of(PlanFixtures.NSXT, provider), "test", Instant.EPOCH));
    }

    @Provide
    Arbitrary<Change> changes() {
        return types(2).flatMap(t ->
                Combinators.combine(values(t, 2, false), values(t, 2, false)).as((b, a) -> new Change(t, b, a)));
    }

    private static Arbitrary<Type> types(int depth) {
        Arbitrary<Type> primitives = Arbitraries.of(Type.STRING, Type.NUMBER, Type.BOOL);
        if (depth == 0) {
            return primitives;
        }
        Arbitrary<Type> inner = types(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, primitives),
                Tuple.of(1, inner.map(Type::list)),
                Tuple.of(1, inner.map(Type::set)),
                Tuple.of(1, inner.map(Type::map)),
                Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(3).map(Type::tuple)),
                Tuple.of(
                        1,
                        Arbitraries.maps(Arbitraries.of("a", "b", "id", "name", "tags"), inner)
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(Type::object)));
    }

    /** A value of {@code type}; inside a sensitive part every string is a secret, so a leak can be seen. */
    private static Arbitrary<Value> values(Type type, int depth, boolean secret) {
        Arbitrary<Value> plain = content(type, depth, secret);
        Arbitrary<Value> sensitive = content(type, depth, true).map(v -> v.mark(Mark.SENSITIVE));
        return Arbitraries.frequencyOf(
                Tuple.of(6, plain),
                Tuple.of(secret ? 0 : 2, sensitive),
                Tuple.of(1, Arbitraries.just(Value.nullOf(type))),
                Tuple.of(1, Arbitraries.just(Value.unknown(type))));
    }

    private static Arbitrary<Value> content(Type type, int depth, boolean secret) {
        if (type == Type.STRING) {
            Arbitrary<String> text = Arbitraries.strings().withChars("abc\n\"").ofMaxLength(6);
            return secret ? text.map(s -> Value.string(PlanFixtures.SECRET_PREFIX + s)) : text.map(Value::string);
        }
        if (type == Type.NUMBER) {
            return Arbitraries.bigDecimals()
                    .between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
                    .ofScale(1)
                    .map(Value::number);
        }
        if (type == Type.BOOL) {
            return Arbitraries.of(Value.TRUE, Value.FALSE);
        }
        int inner = Math.max(0, depth - 1);
        if (type instanceof Type.ObjectType o) {
            Arbitrary<Map<String, Value>> attributes = Arbitraries.just(Map.<String, Value>of());
            for (Map.Entry<String, Type> attribute : o.attributeTypes().entrySet()) {
                attributes = attributes.flatMap(m -> values(attribute.getValue(), inner, secret)
                        .map(v -> {
                            Map<String, Value> next = new java.util.TreeMap<>(m);
                            next.put(attribute.getKey(), v);
                            return next;
                        }));
            }
            return attributes.map(Value::object);
        }
        if (type instanceof Type.TupleType t) {
            Arbitrary<List<Value>> elements = Arbitraries.just(List.of());
            for (Type element : t.elementTypes()) {
                elements = elements.flatMap(l -> values(element, inner, secret).map(v -> {
                    List<Value> next = new java.util.ArrayList<>(l);
                    next.add(v);
                    return next;
                }));
            }
            return elements.map(Value::tuple);
        }
        Arbitrary<Value> element = values(type.elementType(), inner, secret);
        if (type instanceof Type.MapType) {
            return Arbitraries.maps(Arbitraries.of("k1", "k2", "k 3"), element)
                    .ofMaxSize(3)
                    .map(m -> Value.map(type.elementType(), m));
        }
        Arbitrary<List<Value>> list = element.list().ofMaxSize(4);
        return type instanceof Type.SetType
                ? list.map(l -> Value.set(type.elementType(), l))
                : list.map(l -> Value.list(type.elementType(), l));
    }
}
