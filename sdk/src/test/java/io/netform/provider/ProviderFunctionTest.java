package io.netform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netform.proto.tfplugin6.CallFunction;
import io.netform.proto.tfplugin6.DynamicValue;
import io.netform.proto.tfplugin6.Function;
import io.netform.proto.tfplugin6.GetFunctions;
import io.netform.proto.tfplugin6.GetMetadata;
import io.netform.proto.tfplugin6.GetProviderSchema;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import io.netform.wire.Schema;
import io.netform.wire.SchemaBlock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A provider declaring functions, and the CallFunction adapter running them, as the host sees them over gRPC. */
class ProviderFunctionTest {

    /** {@code join(separator, parts...)}: a variadic function; and {@code first(list)} that may fail. */
    static final class WordsProvider implements Provider {
        @Override
        public String name() {
            return "words";
        }

        @Override
        public Schema schema() {
            return Schema.of(SchemaBlock.of());
        }

        @Override
        public void configure(Value config) {}

        @Override
        public Map<String, ResourceType> resources() {
            return Map.of();
        }

        @Override
        public Map<String, DataSource> dataSources() {
            return Map.of();
        }

        @Override
        public Map<String, ProviderFunction> functions() {
            return Map.of(
                    "join",
                    new ProviderFunction() {
                        @Override
                        public FunctionSignature signature() {
                            return FunctionSignature.returning(Type.STRING)
                                    .with(FunctionParameter.string("separator").describedAs("Goes between the parts."))
                                    .withVariadic(
                                            FunctionParameter.string("parts").allowingNull())
                                    .summarizedAs("Joins strings")
                                    .describedAs("Joins the parts with the separator, leaving out nulls.");
                        }

                        @Override
                        public Value call(List<Value> arguments) {
                            StringBuilder out = new StringBuilder();
                            for (Value part : arguments.subList(1, arguments.size())) {
                                if (!part.isNull()) {
                                    out.append(
                                                    out.length() == 0
                                                            ? ""
                                                            : arguments.get(0).asString())
                                            .append(part.asString());
                                }
                            }
                            return Value.string(out.toString());
                        }
                    },
                    "first",
                    new ProviderFunction() {
                        @Override
                        public FunctionSignature signature() {
                            return FunctionSignature.returning(Type.DYNAMIC)
                                    .with(FunctionParameter.of("list", Type.list(Type.DYNAMIC))
                                            .allowingUnknown())
                                    .deprecated("Use element() instead.");
                        }

                        @Override
                        public Value call(List<Value> arguments) {
                            if (arguments.get(0).length() == 0) {
                                throw FunctionError.argument(0, "the list is empty");
                            }
                            return arguments.get(0).elements().get(0);
                        }
                    });
        }
    }

    private static ProviderHarness words;

    @BeforeAll
    static void serve() {
        words = ProviderHarness.inProcess(new WordsProvider());
    }

    @AfterAll
    static void stop() {
        words.close();
    }

    private static CallFunction.Response call(String name, DynamicValue... arguments) {
        return words.stub()
                .callFunction(CallFunction.Request.newBuilder()
                        .setName(name)
                        .addAllArguments(List.of(arguments))
                        .build());
    }

    private static DynamicValue string(String s) {
        return ProviderHarness.wire(s == null ? Value.nullOf(Type.STRING) : Value.string(s), Type.STRING);
    }

    @Test
    void declaresItsFunctionsInTheSchemaInGetFunctionsAndInTheMetadata() {
        Function join = words.stub()
                .getProviderSchema(GetProviderSchema.Request.getDefaultInstance())
                .getFunctionsOrThrow("join");
        assertThat(join.getParametersList()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("separator");
            assertThat(p.getType().toString(StandardCharsets.UTF_8)).isEqualTo("\"string\"");
            assertThat(p.getDescription()).isEqualTo("Goes between the parts.");
            assertThat(p.getAllowNullValue()).isFalse();
        });
        assertThat(join.getVariadicParameter().getName()).isEqualTo("parts");
        assertThat(join.getVariadicParameter().getAllowNullValue()).isTrue();
        assertThat(join.getReturn().getType()).isEqualTo(ByteString.copyFromUtf8("\"string\""));
        assertThat(join.getSummary()).isEqualTo("Joins strings");
        assertThat(join.getDescription()).isEqualTo("Joins the parts with the separator, leaving out nulls.");

        Function first = words.stub()
                .getFunctions(GetFunctions.Request.getDefaultInstance())
                .getFunctionsOrThrow("first");
        assertThat(first.getParameters(0).getAllowUnknownValues()).isTrue();
        assertThat(first.getParameters(0).getType().toStringUtf8()).isEqualTo("[\"list\",\"dynamic\"]");
        assertThat(first.getDeprecationMessage()).isEqualTo("Use element() instead.");
        assertThat(first.hasVariadicParameter()).isFalse();

        assertThat(words.stub()
                        .getMetadata(GetMetadata.Request.getDefaultInstance())
                        .getFunctionsList())
                .extracting(GetMetadata.FunctionMetadata::getName)
                .containsExactlyInAnyOrder("join", "first");
    }

    @Test
    void callsAFunctionWithItsVariadicArguments() {
        CallFunction.Response response = call("join", string("-"), string("a"), string(null), string("b"));

        assertThat(response.hasError()).isFalse();
        assertThat(ProviderHarness.value(response.getResult(), Type.STRING)).isEqualTo(Value.string("a-b"));
    }

    @Test
    void aFunctionErrorNamesTheArgumentAtFault() {
        CallFunction.Response response =
                call("first", ProviderHarness.wire(Value.list(Type.STRING, List.of()), Type.list(Type.DYNAMIC)));

        assertThat(response.getError().getText()).isEqualTo("the list is empty");
        assertThat(response.getError().getFunctionArgument()).isZero();
    }

    @Test
    void aDynamicResultCarriesItsType() {
        Value list = Value.list(Type.NUMBER, List.of(Value.number(7)));
        CallFunction.Response response = call("first", ProviderHarness.wire(list, Type.list(Type.DYNAMIC)));

        assertThat(ProviderHarness.value(response.getResult(), Type.DYNAMIC)).isEqualTo(Value.number(7));
    }

    @Test
    void refusesANullOrUnknownArgumentTheParameterDoesNotAllow() {
        CallFunction.Response nullSeparator = call("join", string(null), string("a"));
        CallFunction.Response unknown =
                call("join", string("-"), ProviderHarness.wire(Value.unknown(Type.STRING), Type.STRING));

        assertThat(nullSeparator.getError().getText()).isEqualTo("The argument \"separator\" must not be null.");
        assertThat(nullSeparator.getError().getFunctionArgument()).isZero();
        assertThat(unknown.getError().getText()).isEqualTo("The argument \"parts\" must be known.");
        assertThat(unknown.getError().getFunctionArgument()).isEqualTo(1);
    }

    @Test
    void refusesTooFewArgumentsAndAnUnknownFunction() {
        assertThat(call("join").getError().getText()).isEqualTo("The function takes 1 argument(s) but was given 0.");
        DynamicValue list =
                ProviderHarness.wire(Value.list(Type.STRING, List.of(Value.string("a"))), Type.list(Type.DYNAMIC));
        CallFunction.Response tooMany = call("first", list, string("b"));
        assertThat(tooMany.getError().getText()).isEqualTo("The function takes only 1 argument(s).");
        assertThat(tooMany.getError().getFunctionArgument()).isEqualTo(1);
        assertThat(call("nope").getError().getText()).isEqualTo("The provider words has no function named \"nope\".");
    }
}
