package io.netform.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.value.AttributePath;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a provider writes the engine reads back unchanged, and the other way round. */
class WireRoundTripTest {

    private static final Type SEGMENT = Type.object(Map.of(
            "id",
            Type.STRING,
            "mtu",
            Type.NUMBER,
            "tags",
            Type.list(Type.STRING),
            "labels",
            Type.map(Type.STRING),
            "anything",
            Type.DYNAMIC));

    @Test
    void aValueSurvivesADynamicValueWithUnknownsNullsAndEveryDigit() throws Exception {
        Map<String, Value> attributes = new LinkedHashMap<>();
        attributes.put(
                "id", Value.unknown(Type.STRING, Refinement.NONE.withNotNull().withStringPrefix("seg-")));
        attributes.put("mtu", Value.number(new BigDecimal("123456789012345678901234567890.5")));
        attributes.put("tags", Value.list(Type.STRING, List.of(Value.string("a"), Value.nullOf(Type.STRING))));
        attributes.put("labels", Value.nullOf(Type.map(Type.STRING)));
        attributes.put("anything", Value.tuple(Value.TRUE, Value.number(7)));
        Value segment = Value.object(attributes);

        assertThat(DynamicValues.decode(DynamicValues.encode(segment, SEGMENT), SEGMENT))
                .isEqualTo(segment);
    }

    @Test
    void jsonIsReadWhenMsgpackIsEmptyAndNothingAtAllIsNull() throws Exception {
        DynamicValue json = DynamicValue.newBuilder()
                .setJson(ByteString.copyFromUtf8("{\"n\":0.1000000000000000000000000000001}"))
                .build();
        Type type = Type.object(Map.of("n", Type.NUMBER));
        assertThat(DynamicValues.decode(json, type))
                .isEqualTo(
                        Value.object(Map.of("n", Value.number(new BigDecimal("0.1000000000000000000000000000001")))));
        assertThat(DynamicValues.decode(DynamicValue.getDefaultInstance(), type))
                .isEqualTo(Value.nullOf(type));
    }

    @Test
    void anAttributePathSurvivesBothWays() {
        AttributePath path = AttributePath.of("subnet").index(2).attr("labels").key("env");
        assertThat(AttributePaths.fromProto(AttributePaths.toProto(path))).isEqualTo(path);
        assertThat(AttributePaths.toProto(path).getStepsList())
                .extracting(s -> s.getSelectorCase().name())
                .containsExactly("ATTRIBUTE_NAME", "ELEMENT_KEY_INT", "ATTRIBUTE_NAME", "ELEMENT_KEY_STRING");
    }

    @Test
    void diagnosticsSurviveBothWays() {
        ProviderDiagnostic error = new ProviderDiagnostic(true, "Invalid MTU", "too large", AttributePath.of("mtu"));
        ProviderDiagnostic warning = new ProviderDiagnostic(false, "Deprecated", "use tags", null);
        assertThat(ProviderDiagnostic.fromProto(List.of(error.toProto(), warning.toProto())))
                .containsExactly(error, warning);
        // a path to the whole object says no more than no path
        assertThat(ProviderDiagnostic.fromProto(new ProviderDiagnostic(true, "s", "d", AttributePath.root()).toProto()))
                .isEqualTo(ProviderDiagnostic.error("s", "d"));
        // a provider that leaves the severity unset reports an error
        assertThat(ProviderDiagnostic.fromProto(
                                Diagnostic.newBuilder().setSummary("s").build())
                        .error())
                .isTrue();
    }
}
