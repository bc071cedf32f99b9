package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.net.IpPrefix;
import io.netform.value.Value;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws the functions must keep for any input. */
class FunctionPropertiesTest {
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.terraform(Path.of("."));

    private static Value call(String name, Value... args) throws FunctionException {
        return FUNCTIONS.lookup(name).orElseThrow().call(List.of(args));
    }

    @Property
    void cidrsubnetsNeverOverlapAndStayInsideThePrefix(
            @ForAll @IntRange(min = 0, max = 0xFFFFFF) int network,
            @ForAll @IntRange(min = 8, max = 24) int length,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 8) Integer> newbits) {
        String prefix =
                (network >>> 16 & 0xFF) + "." + (network >>> 8 & 0xFF) + "." + (network & 0xFF) + ".0/" + length;
        IpPrefix base = IpPrefix.parse(prefix);
        Assume.that(base.address().signum() != 0); // Terraform refuses prefixes at 0.0.0.0
        List<Value> args = new ArrayList<>();
        args.add(Value.string(prefix));
        newbits.forEach(n -> args.add(Value.number(n)));
        List<IpPrefix> subnets;
        try {
            subnets = FUNCTIONS.lookup("cidrsubnets").orElseThrow().call(args).elements().stream()
                    .map(v -> IpPrefix.parse(v.asString()))
                    .toList();
        } catch (FunctionException e) {
            assertThat(e.reason()).containsAnyOf("not enough remaining address space", "too long");
            return;
        }
        for (int i = 0; i < subnets.size(); i++) {
            IpPrefix s = subnets.get(i);
            assertThat(s.length()).isEqualTo(base.length() + newbits.get(i));
            assertThat(base.contains(s.address()) && base.contains(s.last()))
                    .as("%s inside %s", s, base)
                    .isTrue();
            for (int j = 0; j < i; j++) {
                IpPrefix t = subnets.get(j);
                boolean disjoint =
                        s.last().compareTo(t.address()) < 0 || t.last().compareTo(s.address()) < 0;
                assertThat(disjoint).as("%s and %s do not overlap", s, t).isTrue();
            }
        }
    }

    @Property
    void cidrsubnetAndCidrhostAgreeOnTheFirstAddress(
            @ForAll @IntRange(min = 1, max = 255) int first,
            @ForAll @IntRange(min = 1, max = 8) int newbits,
            @ForAll @IntRange(min = 0, max = 255) int netnum)
            throws FunctionException {
        Assume.that(netnum < (1 << newbits));
        String subnet = call(
                        "cidrsubnet", Value.string(first + ".0.0.0/16"), Value.number(newbits), Value.number(netnum))
                .asString();
        String host = call("cidrhost", Value.string(subnet), Value.number(0)).asString();

        assertThat(subnet).startsWith(host + "/");
    }

    @Property
    void jsondecodeUndoesJsonencode(@ForAll("jsonValues") Value v) throws FunctionException {
        Value encoded = call("jsonencode", v);

        assertThat(call("jsondecode", encoded)).isEqualTo(v);
    }

    @Property
    void yamldecodeUndoesYamlencode(@ForAll("jsonValues") Value v) throws FunctionException {
        Value encoded = call("yamlencode", v);

        assertThat(call("yamldecode", encoded)).as(encoded.asString()).isEqualTo(v);
    }

    @org.junit.jupiter.api.Test
    void lineAndParagraphSeparatorsSurviveAYamlRoundTrip() throws FunctionException {
        Value text = Value.string("a\u2028b\u2029c\u0085d");
        assertThat(call("yamldecode", call("yamlencode", text))).isEqualTo(text);
    }

    @Property
    void parseintReadsWhatBigIntegerWrites(@ForAll BigInteger n, @ForAll @IntRange(min = 2, max = 36) int base)
            throws FunctionException {
        Value parsed = call("parseint", Value.string(n.toString(base)), Value.number(base));

        assertThat(parsed).isEqualTo(Value.number(n));
    }

    @Property
    void formatPrintsIntegersAsJavaDoes(@ForAll long n) throws FunctionException {
        Value printed = call("format", Value.string("%d|%x"), Value.number(n), Value.number(n));

        String hex = (n < 0 ? "-" : "") + BigInteger.valueOf(n).abs().toString(16);
        assertThat(printed).isEqualTo(Value.string(n + "|" + hex));
    }

    @Provide
    Arbitrary<Value> jsonValues() {
        return Arbitraries.recursive(this::jsonPrimitives, this::jsonContainers, 0, 3);
    }

    private Arbitrary<Value> jsonPrimitives() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMaxLength(12)
                        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                        .map(Value::string),
                Arbitraries.bigDecimals()
                        .between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(3)
                        .map(Value::number),
                Arbitraries.of(true, false).map(Value::bool));
    }

    private Arbitrary<Value> jsonContainers(Arbitrary<Value> inner) {
        Arbitrary<Value> tuples = inner.list().ofMaxSize(3).map(Value::tuple);
        Arbitrary<Value> objects = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), inner)
                .ofMaxSize(3)
                .map(m -> Value.object(new LinkedHashMap<String, Value>(m)));
        return Arbitraries.oneOf(tuples, objects);
    }
}
