package io.netform.nsxt.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service and group data sources against the embedded simulator. */
class SecurityLookupTest extends EmbeddedNsxTest {

    private ProviderHarness.Result lookup(String type, Map<String, ?> given) {
        return harness.readData(type, Configs.of(nsx.dataSource(type), given));
    }

    @Test
    void aBuiltInServiceIsFoundByDisplayNameOrId() {
        for (Map<String, String> given : List.of(Map.of("display_name", "DNS-UDP"), Map.of("id", "DNS-UDP"))) {
            ProviderHarness.Result found = lookup("nsxt_policy_service", given);
            assertThat(found.diagnostics()).isEmpty();
            assertThat(found.state().getAttr("path").asString()).isEqualTo("/infra/services/DNS-UDP");
        }
        assertThat(lookup("nsxt_policy_service", Map.of("display_name", "NoSuchService"))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getSummary()).isEqualTo("No Service found"));
    }

    @Test
    void aGroupIsFoundInTheDefaultDomain() {
        harness.create(
                "nsxt_policy_group",
                nsx.config(
                        "nsxt_policy_group",
                        Map.of(
                                "display_name",
                                "web-pods",
                                "nsx_id",
                                "web",
                                "criteria",
                                List.of(Map.of(
                                        "ipaddress_expression",
                                        List.of(Map.of("ip_addresses", List.of("10.0.0.1"))))))));

        ProviderHarness.Result found = lookup("nsxt_policy_group", Map.of("display_name", "web-pods"));

        assertThat(found.diagnostics()).isEmpty();
        Value group = found.state();
        assertThat(group.getAttr("path").asString()).isEqualTo("/infra/domains/default/groups/web");
        assertThat(group.getAttr("id").asString()).isEqualTo("web");
        assertThat(group.getAttr("domain").asString()).isEqualTo("default");
        assertThat(lookup("nsxt_policy_group", Map.of("display_name", "web-pods", "domain", "other"))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("domain = other"));
    }
}
