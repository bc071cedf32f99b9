package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Load balancer virtual servers, HTTP and HTTPS, through tfplugin6 against the embedded simulator. */
class LbVirtualServerTest extends EmbeddedNsxTest {

    private static final String HTTP_PROFILE = "/infra/lb-app-profiles/default-http-lb-app-profile";
    private static final String CLIENT_SSL_PROFILE =
            "/infra/lb-client-ssl-profiles/default-balanced-client-ssl-profile";
    private static final String CERTIFICATE = "/infra/certificates/web-tls";

    private Value service;
    private Value pool;

    @BeforeEach
    void start() {
        harness.create(
                "nsxt_policy_tier1_gateway",
                nsx.config(
                        "nsxt_policy_tier1_gateway",
                        Map.of(
                                "display_name",
                                "t1",
                                "nsx_id",
                                "t1",
                                "tier0_path",
                                "/infra/tier-0s/T0",
                                "edge_cluster_path",
                                LbServiceTest.EDGE)));
        service = harness.create(
                "nsxt_policy_lb_service",
                nsx.config(
                        "nsxt_policy_lb_service",
                        Map.of("display_name", "lb", "nsx_id", "lb", "connectivity_path", "/infra/tier-1s/t1")));
        pool = harness.create(
                "nsxt_policy_lb_pool",
                nsx.config(
                        "nsxt_policy_lb_pool",
                        Map.of(
                                "display_name",
                                "web",
                                "nsx_id",
                                "web",
                                "member",
                                List.of(Map.of("ip_address", "10.1.1.11")))));
    }

    private Value server(String id, List<String> ports, Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                id,
                "nsx_id",
                id,
                "ip_address",
                "10.0.0.10",
                "ports",
                ports,
                "service_path",
                "/infra/lb-services/lb",
                "pool_path",
                "/infra/lb-pools/web",
                "application_profile_path",
                HTTP_PROFILE));
        given.putAll(extra);
        return nsx.config("nsxt_policy_lb_virtual_server", given);
    }

    private Value https(Map<String, Object> clientSsl) {
        return server(
                "https",
                List.of("443"),
                Map.of(
                        "client_ssl",
                        List.of(clientSsl),
                        "persistence_profile_path",
                        "/infra/lb-persistence-profiles/default-cookie-lb-persistence-profile"));
    }

    private ProviderHarness.Result update(Value prior, Value config) {
        return applyInPlace("nsxt_policy_lb_virtual_server", prior, config);
    }

    @Test
    void anHttpVirtualServerReadsBackUnchanged() {
        Value state = harness.create("nsxt_policy_lb_virtual_server", server("http", List.of("80"), Map.of()));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/lb-virtual-servers/http");
        assertThat(state.getAttr("service_path").asString()).isEqualTo("/infra/lb-services/lb");
        assertThat(state.getAttr("enabled").asBoolean()).isTrue();
        assertThat(state.getAttr("access_log_enabled").asBoolean()).isFalse();
        assertReadsBackUnchanged("nsxt_policy_lb_virtual_server", state);
    }

    @Test
    void anHttpsVirtualServerTerminatesWithItsCertificateAndProfile() {
        Value state = harness.create(
                "nsxt_policy_lb_virtual_server",
                https(Map.of(
                        "default_certificate_path",
                        CERTIFICATE,
                        "ssl_profile_path",
                        CLIENT_SSL_PROFILE,
                        "sni_paths",
                        List.of("/infra/certificates/api-tls"))));

        Value clientSsl = state.getAttr("client_ssl").elements().get(0);
        assertThat(clientSsl.getAttr("default_certificate_path").asString()).isEqualTo(CERTIFICATE);
        assertThat(clientSsl.getAttr("client_auth").asString()).isEqualTo("IGNORE");
        assertThat(clientSsl.getAttr("certificate_chain_depth").asLong()).isEqualTo(3);
        assertThat(state.getAttr("persistence_profile_path").asString())
                .endsWith("default-cookie-lb-persistence-profile");
        assertReadsBackUnchanged("nsxt_policy_lb_virtual_server", state);
    }

    @Test
    void portsAndSslChangeInPlaceAndARemovedBlockIsGoneFromNsx() {
        Value state =
                harness.create("nsxt_policy_lb_virtual_server", https(Map.of("default_certificate_path", CERTIFICATE)));
        Value withServerSsl = server(
                "https",
                List.of("443", "8443"),
                Map.of("server_ssl", List.of(Map.of("server_auth", "IGNORE")), "max_concurrent_connections", 500));

        ProviderHarness.Result applied = update(state, withServerSsl);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(applied.state().getAttr("ports").elements())
                .extracting(Value::asString)
                .containsExactly("443", "8443");
        assertReadsBackUnchanged("nsxt_policy_lb_virtual_server", applied.state());
        Value read = applied.state();
        assertThat(read.getAttr("client_ssl").length()).isZero();
        assertThat(read.getAttr("persistence_profile_path").isNull()).isTrue();
        assertThat(read.getAttr("server_ssl")
                        .elements()
                        .get(0)
                        .getAttr("server_auth")
                        .asString())
                .isEqualTo("IGNORE");
    }

    @Test
    void aMissingApplicationProfileIsRefusedWithTheNsxMessage() {
        Value config =
                server("http", List.of("80"), Map.of("application_profile_path", "/infra/lb-app-profiles/missing"));
        assertCreateRefused("nsxt_policy_lb_virtual_server", config, "/infra/lb-app-profiles/missing");
    }

    @Test
    void tooManyDefaultMemberPortsAreRejectedBeforeNsxIsAsked() {
        List<String> ports = java.util.stream.IntStream.rangeClosed(8001, 8015)
                .mapToObj(String::valueOf)
                .toList();

        assertThat(harness.validate(
                        "nsxt_policy_lb_virtual_server",
                        server("http", List.of("80"), Map.of("default_pool_member_ports", ports))))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("at most 14"));
    }

    @Test
    void theServiceAndPoolOfAVirtualServerAreDeletedWithForce() {
        Value state = harness.create("nsxt_policy_lb_virtual_server", server("http", List.of("80"), Map.of()));

        assertDeletedAndGone("nsxt_policy_lb_pool", pool);
        assertDeletedAndGone("nsxt_policy_lb_service", service);
        assertDeletedAndGone("nsxt_policy_lb_virtual_server", state);
    }

    @Test
    void aVirtualServerIsImportedByIdAndByPath() {
        Value created =
                harness.create("nsxt_policy_lb_virtual_server", https(Map.of("default_certificate_path", CERTIFICATE)));

        for (String id : List.of("https", "/infra/lb-virtual-servers/https")) {
            assertThat(importAndRead("nsxt_policy_lb_virtual_server", id)).isEqualTo(created);
        }
    }
}
