package io.netform.nsxt.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application profile and monitor lookups against the simulator's default profiles. */
class LbProfileLookupTest extends EmbeddedNsxTest {

    private ProviderHarness.Result lookup(String typeName, Map<String, ?> given) {
        return harness.readData(typeName, Configs.of(nsx.dataSource(typeName), given));
    }

    @Test
    void anAppProfileIsFoundByTypeAndNameAndExportsItsPath() {
        ProviderHarness.Result found = lookup(
                "nsxt_policy_lb_app_profile", Map.of("type", "TCP", "display_name", "default-tcp-lb-app-profile"));

        assertThat(found.diagnostics()).isEmpty();
        assertThat(found.state().getAttr("path").asString())
                .isEqualTo("/infra/lb-app-profiles/default-tcp-lb-app-profile");
        assertThat(found.state().getAttr("type").asString()).isEqualTo("TCP");
    }

    @Test
    void withoutATypeAnyKindIsSearchedAndTheTypeIsExported() {
        ProviderHarness.Result found =
                lookup("nsxt_policy_lb_app_profile", Map.of("id", "default-http-lb-app-profile"));

        assertThat(found.diagnostics()).isEmpty();
        assertThat(found.state().getAttr("type").asString()).isEqualTo("HTTP");
        assertThat(found.state().getAttr("path").asString())
                .isEqualTo("/infra/lb-app-profiles/default-http-lb-app-profile");
    }

    @Test
    void aProfileOfAnotherKindIsNotFound() {
        ProviderHarness.Result found = lookup(
                "nsxt_policy_lb_app_profile", Map.of("type", "UDP", "display_name", "default-http-lb-app-profile"));

        assertThat(found.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("default-http-lb-app-profile"));
    }

    @Test
    void monitorsAreFoundByEveryKindAndByAny() {
        Map<String, String> expected = Map.of(
                "HTTP",
                "default-http-lb-monitor",
                "HTTPS",
                "default-https-lb-monitor",
                "TCP",
                "default-tcp-lb-monitor",
                "ICMP",
                "default-icmp-lb-monitor",
                "PASSIVE",
                "default-passive-lb-monitor");
        expected.forEach((type, id) -> {
            ProviderHarness.Result found = lookup("nsxt_policy_lb_monitor", Map.of("type", type));
            assertThat(found.diagnostics()).isEmpty();
            assertThat(found.state().getAttr("path").asString()).isEqualTo("/infra/lb-monitor-profiles/" + id);
        });

        ProviderHarness.Result any =
                lookup("nsxt_policy_lb_monitor", Map.of("type", "ANY", "display_name", "default-icmp-lb-monitor"));
        assertThat(any.diagnostics()).isEmpty();
        assertThat(any.state().getAttr("path").asString())
                .isEqualTo("/infra/lb-monitor-profiles/default-icmp-lb-monitor");
        assertThat(any.state().getAttr("type").asString()).isEqualTo("ANY");
    }

    @Test
    void anUnknownTypeIsRejectedNamingTheChoices() {
        ProviderHarness.Result found = lookup("nsxt_policy_lb_monitor", Map.of("type", "SMTP"));

        assertThat(found.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail())
                        .contains("HTTP, HTTPS, TCP, UDP, ICMP, PASSIVE or ANY")
                        .contains("SMTP"));
    }
}
