package io.netform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void parsesAsGoDoesAndMasksTheHostBits() {
        assertThat(IpPrefix.parse("10.1.2.3/16")).hasToString("10.1.0.0/16");
        assertThat(IpPrefix.parse("010.001.0.0/8")).hasToString("10.0.0.0/8");
        assertThat(IpPrefix.parse("2001:DB8:0:0:1::5/64")).hasToString("2001:db8::/64");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0/8")).hasMessage("invalid CIDR address: 10.0.0/8");
        assertThat(IpPrefix.tryParse("example.com/8")).isEmpty();
        assertThat(IpPrefix.tryParse("10.0.0.0/33")).isEmpty();
        assertThat(IpPrefix.parseAddress("::ffff:10.0.0.1")).hasToString("10.0.0.1/128");
    }

    @Test
    void containsAddressesAndPrefixesOfItsOwnFamily() {
        IpPrefix block = IpPrefix.parse("10.0.0.0/16");
        assertThat(block.contains(IpPrefix.parse("10.0.5.0/24"))).isTrue();
        assertThat(block.contains(IpPrefix.parse("10.0.0.0/8"))).isFalse();
        assertThat(block.contains(IpPrefix.parse("::a00:0/120"))).isFalse();
        assertThat(block.contains(IpPrefix.parseAddress("10.0.255.255").address()))
                .isTrue();
        assertThat(block.last()).isEqualTo(BigInteger.valueOf(0x0A00FFFFL));
    }

    @Test
    void withoutLeavesTheFewestAlignedPrefixesInAddressOrder() {
        assertThat(IpPrefix.parse("10.0.0.0/24").without(List.of(IpPrefix.parse("10.0.0.64/26"))))
                .map(IpPrefix::toString)
                .containsExactly("10.0.0.0/26", "10.0.0.128/25");
        assertThat(IpPrefix.parse("10.0.0.0/24").without(List.of(IpPrefix.parse("10.0.0.0/8"))))
                .isEmpty();
        assertThat(IpPrefix.parse("10.0.0.0/24").without(List.of(IpPrefix.parse("10.1.0.0/24"))))
                .map(IpPrefix::toString)
                .containsExactly("10.0.0.0/24");
    }

    @Test
    void expandedFormWritesEveryIpv6Group() {
        assertThat(IpPrefix.parse("2001:db8:8000::/33").toExpandedString()).isEqualTo("2001:db8:8000:0:0:0:0:0/33");
        assertThat(IpPrefix.parse("10.0.0.0/8").toExpandedString()).isEqualTo("10.0.0.0/8");
    }
}
