package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Both codecs give back exactly what they were given, for generated values of generated types. */
class CodecPropertiesTest {
    @Provide
    Arbitrary<ValueArbitraries.Typed> withUnknowns() {
        return ValueArbitraries.typedValues(true);
    }

    @Provide
    Arbitrary<ValueArbitraries.Typed> wholly() {
        return ValueArbitraries.typedValues(false);
    }

    /**
     * Numbers come back as the same binary value, though not always at the same precision: as in
     * cty, a number that a float64 holds exactly travels as one and comes back with 53 bits, so a
     * whole number beyond the int64 range may print shorter than it was given.
     */
    @Property(tries = 1000)
    void msgpackRoundTrips(@ForAll("withUnknowns") ValueArbitraries.Typed typed) throws CodecException {
        byte[] encoded = MsgpackCodec.encode(typed.value(), typed.type());
        assertThat(exactNumbers(MsgpackCodec.decode(encoded, typed.type()))).isEqualTo(exactNumbers(typed.value()));
    }

    /** The value with every known number at 512 bits, which holds each generated number exactly. */
    private static Value exactNumbers(Value v) {
        if (!v.isKnown() || v.isNull()) {
            return v;
        }
        if (v.type() == Type.NUMBER) {
            return Value.number(v.asBigFloat().exactDecimal()).withMarks(v.marks());
        }
        if (v.type().isPrimitive()) {
            return v;
        }
        if (v.type() instanceof Type.MapType || v.type() instanceof Type.ObjectType) {
            java.util.Map<String, Value> entries = new java.util.TreeMap<>();
            v.asMap().forEach((k, e) -> entries.put(k, exactNumbers(e)));
            return v.withEntries(entries);
        }
        return v.withElements(
                v.elements().stream().map(CodecPropertiesTest::exactNumbers).toList());
    }

    @Property(tries = 1000)
    void ctyJsonRoundTrips(@ForAll("wholly") ValueArbitraries.Typed typed) throws CodecException {
        String encoded = CtyJson.encode(typed.value(), typed.type());
        assertThat(CtyJson.decode(encoded, typed.type())).isEqualTo(typed.value());
    }

    @Property(tries = 300)
    void typeJsonRoundTrips(@ForAll("wholly") ValueArbitraries.Typed typed) throws CodecException {
        assertThat(TypeJson.decode(TypeJson.encode(typed.type()))).isEqualTo(typed.type());
    }

    @Property(tries = 300)
    void encodingIsDeterministic(@ForAll("withUnknowns") ValueArbitraries.Typed typed) throws CodecException {
        Value decoded = MsgpackCodec.decode(MsgpackCodec.encode(typed.value(), typed.type()), typed.type());
        assertThat(MsgpackCodec.encode(decoded, typed.type()))
                .isEqualTo(MsgpackCodec.encode(typed.value(), typed.type()));
    }
}
