package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the set functions make of sets with unknown elements, which the corpus cannot write. */
class SetFunctionsTest {
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.terraform(Path.of("."));

    private static final Value PARTLY_KNOWN =
            Value.set(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING)));

    private static Value call(String name, Value... args) throws FunctionException {
        return FUNCTIONS.lookup(name).orElseThrow().call(List.of(args));
    }

    @Test
    void intersectionAndDifferenceWithAnUnknownElementAreUnknown() throws FunctionException {
        Value known = Value.set(Type.STRING, List.of(Value.string("a")));
        for (Value result : List.of(
                call("setintersection", PARTLY_KNOWN, known),
                call("setintersection", known, PARTLY_KNOWN),
                call("setsubtract", PARTLY_KNOWN, known),
                call("setsubtract", known, PARTLY_KNOWN))) {
            assertThat(result.isKnown()).as("%s", result).isFalse();
            assertThat(result.type()).isEqualTo(Type.set(Type.STRING));
            assertThat(result.refinement().notNull()).isTrue();
        }
    }
}
