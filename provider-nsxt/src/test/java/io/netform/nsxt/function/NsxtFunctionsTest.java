package io.netform.nsxt.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netform.provider.FunctionError;
import io.netform.provider.ProviderFunction;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** provider::nsxt::path_id and provider::nsxt::ip_in_ranges. */
class NsxtFunctionsTest {
    private static final ProviderFunction PATH_ID = FunctionCatalog.all().get("path_id");
    private static final ProviderFunction IP_IN_RANGES = FunctionCatalog.all().get("ip_in_ranges");

    private static Value pathId(String path) {
        return PATH_ID.call(List.of(Value.string(path)));
    }

    private static boolean inRanges(String address, String... ranges) {
        return IP_IN_RANGES
                .call(List.of(
                        Value.string(address),
                        Value.list(
                                Type.STRING,
                                Arrays.stream(ranges).map(Value::string).toList())))
                .asBoolean();
    }

    @Test
    void pathIdIsTheLastSegmentOfAPolicyPath() {
        assertThat(pathId("/infra/segments/web")).isEqualTo(Value.string("web"));
        assertThat(pathId("/infra/tier-1s/t1/locale-services/default")).isEqualTo(Value.string("default"));
        assertThat(PATH_ID.signature().returnType()).isEqualTo(Type.STRING);
    }

    @Test
    void pathIdRefusesWhatIsNotAPolicyPath() {
        FunctionError relative = catchThrowableOfType(FunctionError.class, () -> pathId("segments/web"));
        FunctionError trailing = catchThrowableOfType(FunctionError.class, () -> pathId("/infra/segments/"));

        assertThat(relative.argumentIndex()).hasValue(0);
        assertThat(relative.text())
                .isEqualTo("\"segments/web\" is not a policy path: a policy path starts with"
                        + " \"/\", such as \"/infra/segments/web\"");
        assertThat(trailing.text()).startsWith("\"/infra/segments/\" names no object");
    }

    @Test
    void ipInRangesTakesAddressesCidrBlocksAndRanges() {
        assertThat(inRanges("10.0.0.5", "10.0.0.5")).isTrue();
        assertThat(inRanges("10.0.0.5", "10.0.0.0/24")).isTrue();
        assertThat(inRanges("10.0.0.15", "10.0.0.10-10.0.0.20")).isTrue();
        assertThat(inRanges("10.0.0.21", "10.0.0.10-10.0.0.20", "192.168.0.0/16"))
                .isFalse();
        assertThat(inRanges("192.168.7.1", "10.0.0.10-10.0.0.20", "192.168.0.0/16"))
                .isTrue();
        assertThat(inRanges("fd00::5", "fd00::/64")).isTrue();
        assertThat(inRanges("10.0.0.5")).isFalse();
    }

    @Test
    void ipInRangesNeverMatchesAcrossIpVersions() {
        assertThat(inRanges("10.0.0.5", "::/0")).isFalse();
        assertThat(inRanges("fd00::5", "0.0.0.0/0")).isFalse();
    }

    @Test
    void ipInRangesNamesTheArgumentThatIsNotAnAddressOrRange() {
        FunctionError address =
                catchThrowableOfType(FunctionError.class, () -> inRanges("web.example.com", "10.0.0.0/8"));
        FunctionError range = catchThrowableOfType(
                FunctionError.class, () -> inRanges("10.0.0.1", "10.0.0.0/8", "10.0.0.9-10.0.0.1"));

        assertThat(address.argumentIndex()).hasValue(0);
        assertThat(address.text()).isEqualTo("\"web.example.com\" is not an IPv4 or IPv6 address");
        assertThat(range.argumentIndex()).hasValue(1);
        assertThat(range.text())
                .isEqualTo("element 1 of the ranges, \"10.0.0.9-10.0.0.1\", is not an address, a CIDR"
                        + " block or a range FIRST-LAST");
    }
}
