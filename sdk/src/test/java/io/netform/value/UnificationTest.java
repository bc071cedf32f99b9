package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnificationTest {
    private static Optional<Type> unify(Type... types) {
        return Unification.unify(List.of(types));
    }

    @Test
    void equalTypesUnifyToThemselves() {
        assertThat(unify(Type.NUMBER, Type.NUMBER)).contains(Type.NUMBER);
        assertThat(unify()).contains(Type.DYNAMIC);
    }

    @Test
    void primitivesUnifyToString() {
        assertThat(unify(Type.NUMBER, Type.STRING)).contains(Type.STRING);
        assertThat(unify(Type.BOOL, Type.STRING, Type.NUMBER)).contains(Type.STRING);
        assertThat(unify(Type.BOOL, Type.NUMBER)).isEmpty();
    }

    @Test
    void dynamicTakesItsNeighboursType() {
        assertThat(unify(Type.DYNAMIC, Type.STRING)).contains(Type.STRING);
        assertThat(unify(Type.DYNAMIC, Type.DYNAMIC)).contains(Type.DYNAMIC);
    }

    @Test
    void collectionsUnifyTheirElements() {
        assertThat(unify(Type.list(Type.NUMBER), Type.list(Type.STRING))).contains(Type.list(Type.STRING));
        assertThat(unify(Type.map(Type.BOOL), Type.map(Type.STRING))).contains(Type.map(Type.STRING));
        assertThat(unify(Type.set(Type.BOOL), Type.set(Type.NUMBER))).isEmpty();
        assertThat(unify(Type.list(Type.STRING), Type.DYNAMIC)).contains(Type.DYNAMIC);
    }

    @Test
    void tuplesUnifyElementwiseOrAsAList() {
        assertThat(unify(Type.tuple(Type.STRING, Type.BOOL), Type.tuple(Type.NUMBER, Type.BOOL)))
                .contains(Type.tuple(Type.STRING, Type.BOOL));
        assertThat(unify(Type.tuple(Type.STRING), Type.tuple(Type.NUMBER, Type.STRING)))
                .contains(Type.list(Type.STRING));
        assertThat(unify(Type.tuple(Type.STRING), Type.list(Type.NUMBER))).contains(Type.list(Type.STRING));
        assertThat(unify(Type.tuple(), Type.list(Type.NUMBER))).contains(Type.list(Type.NUMBER));
    }

    @Test
    void objectsUnifyByAttributeOrAsAMap() {
        Type a = Type.object(Map.of("x", Type.STRING));
        Type b = Type.object(Map.of("x", Type.NUMBER));
        assertThat(unify(a, b)).contains(a);
        Type c = Type.object(Map.of("y", Type.NUMBER));
        assertThat(unify(a, c)).contains(Type.map(Type.STRING));
        assertThat(unify(a, Type.map(Type.NUMBER))).contains(Type.map(Type.STRING));
        assertThat(unify(a, Type.tuple(Type.STRING))).isEmpty();
    }

    @Test
    void unrelatedKindsDoNotUnify() {
        assertThat(unify(Type.STRING, Type.list(Type.STRING))).isEmpty();
        assertThat(unify(Type.map(Type.STRING), Type.list(Type.STRING))).isEmpty();
    }

    @Test
    void aListIsPreferredOverASetAndATupleOverASetAsInCty() {
        // cty's compareTypes: a list is more general than a set, so `c ? tolist(..) : toset(..)` is a list
        assertThat(unify(Type.list(Type.STRING), Type.set(Type.STRING))).contains(Type.list(Type.STRING));
        assertThat(unify(Type.set(Type.STRING), Type.list(Type.STRING))).contains(Type.list(Type.STRING));
        // a set does not convert to a tuple, so the set is all that is left
        assertThat(unify(Type.set(Type.STRING), Type.tuple(Type.STRING))).contains(Type.set(Type.STRING));
    }

    @Test
    void tuplesBesideListsAndDynamicFallBackToTheMostGeneralGivenType() {
        // the tuple makes a list(string) with the list, but beside dynamic that unifies only to
        // dynamic; cty then takes the list, which the tuple and dynamic both convert to
        assertThat(unify(Type.tuple(Type.STRING), Type.list(Type.STRING), Type.DYNAMIC))
                .contains(Type.list(Type.STRING));
        assertThat(unify(Type.object(Map.of("a", Type.STRING)), Type.map(Type.STRING), Type.DYNAMIC))
                .contains(Type.map(Type.STRING));
    }

    @Test
    void unifyValuesConvertsEveryValue() throws ConversionException {
        List<Value> unified =
                Unification.unifyValues(List.of(Value.number(1), Value.string("a"), Value.nullOf(Type.DYNAMIC)));
        assertThat(unified).containsExactly(Value.string("1"), Value.string("a"), Value.nullOf(Type.STRING));
        assertThatThrownBy(() -> Unification.unifyValues(List.of(Value.TRUE, Value.number(1))))
                .hasMessage("cannot find a common base type for all elements");
    }
}
