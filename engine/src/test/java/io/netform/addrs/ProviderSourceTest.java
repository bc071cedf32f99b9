package io.netform.addrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a provider's local name and source strings resolve, as Terraform resolves them. */
class ProviderSourceTest {

    @Test
    void theUndeclaredLocalNameTerraformIsTheBuiltInProvider() {
        ProviderSource terraform = ProviderSource.implied("terraform");
        assertThat(terraform.toString()).isEqualTo("terraform.io/builtin/terraform");
        assertThat(terraform.display()).isEqualTo("terraform.io/builtin/terraform");
        assertThat(terraform.isBuiltIn()).isTrue();
        assertThat(ProviderConfig.root(terraform).toString()).isEqualTo("provider[\"terraform.io/builtin/terraform\"]");
        assertThat(ProviderConfig.parse("provider[\"terraform.io/builtin/terraform\"]")
                        .source())
                .isEqualTo(ProviderSource.BUILTIN);
    }

    @Test
    void anyOtherUndeclaredLocalNameIsAHashicorpProvider() {
        assertThat(ProviderSource.implied("null").toString()).isEqualTo("registry.terraform.io/hashicorp/null");
        assertThat(ProviderSource.implied("null").isBuiltIn()).isFalse();
        // a source written out in required_providers means what it says, even for the name terraform
        assertThat(ProviderSource.parse("hashicorp/terraform").isBuiltIn()).isFalse();
        assertThat(ProviderSource.parse("terraform.io/builtin/terraform")).isEqualTo(ProviderSource.BUILTIN);
    }
}
