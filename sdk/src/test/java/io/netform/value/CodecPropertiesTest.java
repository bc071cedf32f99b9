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

    @Property(tries = 1000)
    void msgpackRoundTrips(@ForAll("withUnknowns") ValueArbitraries.Typed typed) throws CodecException {
        byte[] encoded = MsgpackCodec.encode(typed.value(), typed.type());
        assertThat(MsgpackCodec.decode(encoded, typed.type())).isEqualTo(typed.value());
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
