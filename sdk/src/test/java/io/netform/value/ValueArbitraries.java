package io.netform.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of types and of values of those types. Dynamic appears as a whole type, an object
 * attribute or a tuple element, where the wire carries the value's own type; inside a collection's
 * element type it would make an empty collection's type unrecoverable, so it is left out there.
 */
final class ValueArbitraries {
    private ValueArbitraries() {}

    /** A schema type and a value conforming to it. */
    record Typed(Type type, Value value) {}

    static Arbitrary<Type> types(int depth, boolean allowDynamic) {
        Arbitrary<Type> primitives = allowDynamic
                ? Arbitraries.of(Type.STRING, Type.NUMBER, Type.BOOL, Type.DYNAMIC)
                : Arbitraries.of(Type.STRING, Type.NUMBER, Type.BOOL);
        if (depth == 0) {
            return primitives;
        }
        Arbitrary<Type> inner = types(depth - 1, allowDynamic);
        Arbitrary<Type> innerStatic = types(depth - 1, false);
        return Arbitraries.frequencyOf(
                Tuple.of(2, primitives),
                Tuple.of(1, innerStatic.map(Type::list)),
                Tuple.of(1, innerStatic.map(Type::set)),
                Tuple.of(1, innerStatic.map(Type::map)),
                Tuple.of(1, inner.list().ofMaxSize(3).map(Type::tuple)),
                Tuple.of(1, Arbitraries.maps(names(), inner).ofMaxSize(3).map(Type::object)));
    }

    static Arbitrary<Typed> typedValues(boolean withUnknowns) {
        return types(3, true).flatMap(t -> values(t, 3, withUnknowns).map(v -> new Typed(t, v)));
    }

    static Arbitrary<Value> values(Type type, int depth, boolean withUnknowns) {
        Arbitrary<Value> known =
                type == Type.DYNAMIC ? dynamicKnown(depth, withUnknowns) : known(type, depth, withUnknowns);
        Arbitrary<Value> nulls = Arbitraries.just(Value.nullOf(type));
        if (!withUnknowns) {
            return Arbitraries.frequencyOf(Tuple.of(6, known), Tuple.of(1, nulls));
        }
        Arbitrary<Value> unknowns = refinements(type).map(r -> Value.unknown(type, r));
        return Arbitraries.frequencyOf(Tuple.of(8, known), Tuple.of(1, nulls), Tuple.of(1, unknowns));
    }

    private static Arbitrary<Value> dynamicKnown(int depth, boolean withUnknowns) {
        return types(Math.max(0, depth - 1), true)
                .filter(t -> t != Type.DYNAMIC)
                .flatMap(t -> values(t, Math.max(0, depth - 1), withUnknowns));
    }

    private static Arbitrary<Value> known(Type type, int depth, boolean withUnknowns) {
        if (type == Type.STRING) {
            return strings().map(Value::string);
        }
        if (type == Type.NUMBER) {
            return numbers().map(Value::number);
        }
        if (type == Type.BOOL) {
            return Arbitraries.of(Value.TRUE, Value.FALSE);
        }
        int next = Math.max(0, depth - 1);
        if (type instanceof Type.TupleType t) {
            List<Arbitrary<Value>> parts = new ArrayList<>();
            t.elementTypes().forEach(e -> parts.add(values(e, next, withUnknowns)));
            return Combinators.combine(parts).as(Value::tuple);
        }
        if (type instanceof Type.ObjectType o) {
            List<String> names = new ArrayList<>(o.attributeTypes().keySet());
            List<Arbitrary<Value>> parts = new ArrayList<>();
            names.forEach(n -> parts.add(values(o.attributeType(n), next, withUnknowns)));
            return Combinators.combine(parts).as(vs -> {
                Map<String, Value> attributes = new java.util.LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    attributes.put(names.get(i), vs.get(i));
                }
                return Value.object(attributes);
            });
        }
        Type element = type.elementType();
        Arbitrary<Value> elements = values(element, next, withUnknowns);
        if (type instanceof Type.MapType) {
            return Arbitraries.maps(strings(), elements).ofMaxSize(3).map(m -> Value.map(element, m));
        }
        Arbitrary<List<Value>> lists = elements.list().ofMaxSize(3);
        return type instanceof Type.ListType
                ? lists.map(l -> Value.list(element, l))
                : lists.map(l -> Value.set(element, l));
    }

    private static Arbitrary<Refinement> refinements(Type type) {
        if (type == Type.DYNAMIC) {
            return Arbitraries.just(Refinement.NONE);
        }
        Arbitrary<Refinement> base = Arbitraries.of(Refinement.NONE, Refinement.NONE.withNotNull());
        if (type == Type.STRING) {
            return Combinators.combine(base, strings()).as(Refinement::withStringPrefix);
        }
        if (type == Type.NUMBER) {
            Arbitrary<BigDecimal> bound = numbers().injectNull(0.4);
            return Combinators.combine(base, bound, bound, Arbitraries.of(true, false))
                    .as((r, low, high, inclusive) -> {
                        Refinement out = low == null ? r : r.withLowerBound(low, inclusive);
                        return high == null ? out : out.withUpperBound(high, !inclusive);
                    });
        }
        if (type.isCollection()) {
            return Combinators.combine(
                            base,
                            Arbitraries.longs().between(0, 5),
                            Arbitraries.longs().between(0, 5),
                            Arbitraries.of(true, false))
                    .as((r, min, extra, bounded) -> r.withLengthBounds(min, bounded ? min + extra : Long.MAX_VALUE));
        }
        return base;
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
    }

    static Arbitrary<String> strings() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\u00e9', '\u0301', '\u65e5', '\n', '\t')
                .ofMaxLength(8);
    }

    static Arbitrary<BigDecimal> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(BigDecimal::valueOf),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TWO.pow(90).negate(), BigInteger.TWO.pow(90))
                        .map(BigDecimal::new),
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-1e12"), new BigDecimal("1e12"))
                        .ofScale(6),
                Arbitraries.integers()
                        .between(-4096, 4096)
                        .map(n -> BigDecimal.valueOf(n).divide(BigDecimal.valueOf(64))),
                Arbitraries.of(new BigDecimal("1E+40"), new BigDecimal("1E-30"), BigDecimal.ZERO));
    }
}
