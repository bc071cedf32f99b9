package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the evaluator sees of the functions, for real evaluation and for a validate walk. */
class FunctionTableTest {
    private static final FunctionRegistry REGISTRY = FunctionRegistry.terraform(
            Path.of("."),
            TemplateRenderer.UNAVAILABLE,
            Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));

    @Test
    void timestampIsTheClocksTimeWhenEvaluatingForReal() throws FunctionException {
        FunctionTable table = new FunctionTable(REGISTRY);

        assertThat(table.isPureOnly()).isFalse();
        assertThat(table.call("timestamp", List.of())).isEqualTo(Value.string("2024-05-06T07:08:09Z"));
    }

    @Test
    void timestampIsAnUnknownNonNullStringInAPureOnlyTable() throws FunctionException {
        FunctionTable table = FunctionTable.pureOnly(REGISTRY);

        Value result = table.call("timestamp", List.of());

        assertThat(table.isPureOnly()).isTrue();
        assertThat(result.isKnown()).isFalse();
        assertThat(result.type()).isEqualTo(Type.STRING);
        assertThat(result.refinement().notNull()).isTrue();
    }

    @Test
    void inAPureOnlyTableAnImpureFunctionStillChecksItsArguments() {
        FunctionTable table = FunctionTable.pureOnly(REGISTRY);

        assertThatThrownBy(() -> table.call("timestamp", List.of(Value.string("now"))))
                .isInstanceOf(FunctionException.class);
    }

    @Test
    void pureFunctionsGiveTheirValuesInAPureOnlyTable() throws FunctionException {
        FunctionTable table = FunctionTable.pureOnly(REGISTRY);

        assertThat(table.call("upper", List.of(Value.string("a")))).isEqualTo(Value.string("A"));
        assertThat(table.call("formatdate", List.of(Value.string("YYYY"), Value.string("2024-05-06T07:08:09Z"))))
                .isEqualTo(Value.string("2024"));
    }

    @Test
    void theImpureFunctionsAreTerraformsBcryptTimestampAndUuid() {
        assertThat(REGISTRY.functions().values().stream()
                        .filter(Function::isImpure)
                        .map(Function::name))
                .containsExactly("bcrypt", "timestamp", "uuid");
    }

    @Test
    void uuidAndBcryptAreUnknownNonNullStringsInAPureOnlyTable() throws FunctionException {
        FunctionTable table = FunctionTable.pureOnly(REGISTRY);

        for (Value v : List.of(table.call("uuid", List.of()), table.call("bcrypt", List.of(Value.string("pw"))))) {
            assertThat(v.isKnown()).isFalse();
            assertThat(v.type()).isEqualTo(Type.STRING);
            assertThat(v.refinement().notNull()).isTrue();
        }
    }

    @Test
    void plantimestampIsThePlansTimeInPlanAndApplyAlike() throws FunctionException {
        FunctionRegistry planned = FunctionRegistry.terraform(
                Path.of("."),
                TemplateRenderer.UNAVAILABLE,
                Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC),
                Optional.of(Instant.parse("2024-01-02T03:04:05.678Z")));

        assertThat(FunctionTable.pureOnly(planned).call("plantimestamp", List.of()))
                .isEqualTo(Value.string("2024-01-02T03:04:05Z"));
        assertThat(new FunctionTable(planned).call("plantimestamp", List.of()))
                .isEqualTo(Value.string("2024-01-02T03:04:05Z"));
    }

    @Test
    void plantimestampIsUnknownWithoutAPlan() throws FunctionException {
        Value result = new FunctionTable(REGISTRY).call("plantimestamp", List.of());

        assertThat(result.isKnown()).isFalse();
        assertThat(result.type()).isEqualTo(Type.STRING);
    }
}
