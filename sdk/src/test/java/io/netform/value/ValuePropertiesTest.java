package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of values that every consumer relies on. */
class ValuePropertiesTest {
    @Provide
    Arbitrary<ValueArbitraries.Typed> typed() {
        return ValueArbitraries.typedValues(true);
    }

    @Property(tries = 300)
    void aSetDoesNotDependOnTheOrderOfItsElements(
            @ForAll("typed") ValueArbitraries.Typed typed, @ForAll Random random) {
        Value list = Value.list(typed.value().type(), List.of(typed.value(), typed.value(), typed.value()));
        List<Value> shuffled = new ArrayList<>(list.elements());
        Collections.shuffle(shuffled, random);
        assertThat(Value.set(typed.value().type(), shuffled))
                .isEqualTo(Value.set(typed.value().type(), list.elements()));
    }

    @Property(tries = 300)
    void marksComeBackWhereTheyWere(@ForAll("typed") ValueArbitraries.Typed typed, @ForAll Random random) {
        Value marked = markSomewhere(typed.value(), random);
        Value.Unmarked unmarked = marked.unmarkDeepWithPaths();
        assertThat(unmarked.value().containsMarks()).isFalse();
        assertThat(unmarked.value().markWithPaths(unmarked.paths())).isEqualTo(marked);
    }

    @Property(tries = 300)
    void convertingToItsOwnTypeOrToDynamicChangesNothing(@ForAll("typed") ValueArbitraries.Typed typed)
            throws ConversionException {
        Value v = typed.value();
        assertThat(Conversion.convert(v, v.type())).isEqualTo(v);
        assertThat(Conversion.convert(v, Type.DYNAMIC)).isEqualTo(v);
        assertThat(Conversion.convert(v, typed.type())).isEqualTo(v);
    }

    @Property(tries = 300)
    void aWhollyKnownValueEqualsItself(@ForAll("typed") ValueArbitraries.Typed typed) {
        Value v = typed.value();
        if (v.isWhollyKnown()) {
            assertThat(v.valueEquals(v)).isEqualTo(Value.TRUE);
        } else {
            assertThat(v.valueEquals(v).isKnown()).isFalse();
        }
    }

    /** Marks the value and some values inside it (never set elements, which cannot hold marks). */
    private static Value markSomewhere(Value v, Random random) {
        Value inner = v;
        if (v.isKnown() && !v.isNull() && !(v.type() instanceof Type.SetType)) {
            if (v.type() instanceof Type.ListType || v.type() instanceof Type.TupleType) {
                List<Value> elements =
                        v.elements().stream().map(e -> markSomewhere(e, random)).toList();
                inner = v.type() instanceof Type.ListType
                        ? Value.list(v.type().elementType(), elements)
                        : Value.tuple(elements);
            } else if (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType) {
                Map<String, Value> entries = new LinkedHashMap<>();
                v.asMap().forEach((k, e) -> entries.put(k, markSomewhere(e, random)));
                inner = v.type() instanceof Type.MapType
                        ? Value.map(v.type().elementType(), entries)
                        : Value.object(entries);
            }
        }
        return random.nextInt(4) == 0 ? inner.mark(Mark.SENSITIVE) : inner;
    }
}
