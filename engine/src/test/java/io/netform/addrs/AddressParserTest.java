package io.netform.addrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.AddressParser.ModuleTarget;
import io.netform.addrs.AddressParser.ResourceInstanceTarget;
import io.netform.addrs.AddressParser.ResourceTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nsxt_policy_segment.web",
                "nsxt_policy_segment.web[0]",
                "nsxt_policy_segment.web[\"kube-system\"]",
                "data.nsxt_policy_tier0_gateway.t0",
                "module.cluster.nsxt_policy_tier1_gateway.t1",
                "module.cluster[\"dev\"].module.ns[3].nsxt_policy_segment.ns[\"a \\\"b\\\"\"]",
                "module.cluster[\"dev\"]",
            })
    void printsWhatItParses(String text) {
        assertThat(AddressParser.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void distinguishesModulesResourcesAndInstances() {
        assertThat(AddressParser.parse("module.a")).isInstanceOf(ModuleTarget.class);
        assertThat(AddressParser.parse("module.a.x.y")).isInstanceOf(ResourceTarget.class);
        ResourceInstanceTarget target = (ResourceInstanceTarget) AddressParser.parse("module.a[\"k\"].data.x.y[2]");
        ResourceInstance instance = target.instance();
        assertThat(instance.key()).isEqualTo(InstanceKey.of(2));
        assertThat(instance.resource().resource()).isEqualTo(Resource.data("x", "y"));
        assertThat(instance.module()).isEqualTo(ModuleInstance.ROOT.child("a", InstanceKey.of("k")));
    }

    @Test
    void aTargetCoversWhatIsInsideIt() {
        ResourceInstance seg = AddressParser.parseInstance("module.c.module.n[\"a\"].nsxt_policy_segment.s[1]");
        assertThat(AddressParser.parse("module.c").covers(seg)).isTrue();
        assertThat(AddressParser.parse("module.c.module.n[\"a\"]").covers(seg)).isTrue();
        assertThat(AddressParser.parse("module.c.module.n[\"b\"]").covers(seg)).isFalse();
        assertThat(AddressParser.parse("module.c.module.n[\"a\"].nsxt_policy_segment.s")
                        .covers(seg))
                .isTrue();
        assertThat(AddressParser.parse("module.c.module.n[\"a\"].nsxt_policy_segment.s[0]")
                        .covers(seg))
                .isFalse();
    }

    @Test
    void errorsNameTheColumn() {
        assertThatThrownBy(() -> AddressParser.parse("nsxt_policy_segment"))
                .isInstanceOf(AddressException.class)
                .hasMessage("Invalid address \"nsxt_policy_segment\" at column 20: "
                        + "the address ends too early; expected '.'");
        assertThatThrownBy(() -> AddressParser.parse("a.b[x]"))
                .hasMessageContaining("at column 5: an instance key must be a number or a quoted string");
        assertThatThrownBy(() -> AddressParser.parse("a.b[0] extra"))
                .hasMessageContaining("column 7: unexpected text after the address");
        assertThatThrownBy(() -> AddressParser.parse("")).hasMessageContaining("an address is required");
    }

    @Test
    void providerConfigurationsRoundTrip() {
        ProviderConfig root = ProviderConfig.root(ProviderSource.parse("netform/nsxt"));
        assertThat(root.toString()).isEqualTo("provider[\"registry.terraform.io/netform/nsxt\"]");
        assertThat(ProviderConfig.parse(root.toString())).isEqualTo(root);
        String aliased = "module.a[\"x\"].provider[\"example.com/acme/thing\"].west";
        ProviderConfig parsed = ProviderConfig.parse(aliased);
        assertThat(parsed.alias()).isEqualTo("west");
        assertThat(parsed.source().display()).isEqualTo("example.com/acme/thing");
        assertThat(parsed.toString()).isEqualTo(aliased);
    }

    @Test
    void providerSourcesFollowTerraformDefaults() {
        assertThat(ProviderSource.parse("kubernetes").toString())
                .isEqualTo("registry.terraform.io/hashicorp/kubernetes");
        assertThat(ProviderSource.parse("VMware/NSXT").display()).isEqualTo("vmware/nsxt");
        assertThatThrownBy(() -> ProviderSource.parse("a/b/c/d")).hasMessageContaining("expected NAMESPACE/TYPE");
        assertThatThrownBy(() -> ProviderSource.parse("a/b c")).hasMessageContaining("letters, digits and dashes");
    }

    @Test
    void instancesSortByResourceThenKey() {
        var r = AddressParser.parseInstance("x.y");
        var a = r.resource().instance(InstanceKey.of(2));
        var b = r.resource().instance(InstanceKey.of(10));
        assertThat(a).isLessThan(b);
        assertThat(InstanceKey.NONE).isLessThan(InstanceKey.of(0));
        assertThat(InstanceKey.of(0)).isLessThan(InstanceKey.of(""));
    }
}
