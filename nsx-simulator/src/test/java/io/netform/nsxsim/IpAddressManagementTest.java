package io.netform.nsxsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block subnets are carved without overlap; allocations come from a pool's subnets until it is exhausted. */
class IpAddressManagementTest extends SimulatorTestBase {

    private static final String POOL = "/infra/ip-pools/pool";

    @BeforeEach
    void createBlockAndPool() {
        assertThat(nsx.patch("/infra/ip-blocks/block", "{\"cidr\":\"10.8.0.0/24\"}")
                        .status())
                .isEqualTo(204);
        assertThat(nsx.patch(POOL, "{}").status()).isEqualTo(204);
    }

    @Test
    void blockSubnetsAreCarvedInOrderWithoutOverlapUntilTheBlockIsFull() {
        assertThat(blockSubnet("a", 64).status()).isEqualTo(204);
        assertThat(blockSubnet("b", 128).status()).isEqualTo(204);
        assertThat(blockSubnet("c", 32).status()).isEqualTo(204);
        assertThat(cidr("a")).isEqualTo("10.8.0.0/26");
        assertThat(cidr("b")).isEqualTo("10.8.0.128/25");
        assertThat(cidr("c")).isEqualTo("10.8.0.64/27");
        assertThat(blockSubnet("d", 32).status()).isEqualTo(204);
        assertThat(cidr("d")).isEqualTo("10.8.0.96/27");
        NsxTestClient.Reply full = blockSubnet("e", 4);
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.errorCode()).isEqualTo("520054");
        assertThat(nsx.delete(POOL + "/ip-subnets/c").status()).isEqualTo(204);
        assertThat(blockSubnet("e", 16).status()).isEqualTo(204);
        assertThat(cidr("e")).isEqualTo("10.8.0.64/28");
    }

    @Test
    void allocationsSkipTheGatewayAndExhaustThePool() {
        assertThat(blockSubnet("small", 4).status()).isEqualTo(204);
        assertThat(cidr("small")).isEqualTo("10.8.0.0/30");
        assertThat(allocate("x", "{}").status()).isEqualTo(204);
        assertThat(nsx.get(POOL + "/ip-allocations/x")
                        .json()
                        .path("allocation_ip")
                        .asText())
                .isEqualTo("10.8.0.2");
        NsxTestClient.Reply exhausted = allocate("y", "{}");
        assertThat(exhausted.status()).isEqualTo(400);
        assertThat(exhausted.errorCode()).isEqualTo("520054");
        assertThat(exhausted.json().path("error_message").asText()).contains("exhausted");
        assertThat(nsx.get(POOL + "/ip-allocations/y").status()).isEqualTo(404);
        assertThat(nsx.get("/infra/realized-state/realized-entities?intent_path=" + POOL + "/ip-allocations/x")
                        .json()
                        .path("results")
                        .get(0)
                        .path("extended_attributes")
                        .get(0)
                        .path("values")
                        .get(0)
                        .asText())
                .isEqualTo("10.8.0.2");
    }

    @Test
    void staticSubnetsGiveTheirRangesAndRequestedAddressesAreChecked() {
        String subnet = "{\"resource_type\":\"IpAddressPoolStaticSubnet\",\"cidr\":\"192.168.1.0/24\",\"gateway_ip\":"
                + "\"192.168.1.1\",\"allocation_ranges\":[{\"start\":\"192.168.1.1\",\"end\":\"192.168.1.3\"}]}";
        assertThat(nsx.patch(POOL + "/ip-subnets/static", subnet).status()).isEqualTo(204);
        assertThat(allocate("a", "{\"allocation_ip\":\"192.168.1.3\"}").status())
                .isEqualTo(204);
        assertThat(allocate("b", "{\"allocation_ip\":\"192.168.1.3\"}")
                        .json()
                        .path("error_message")
                        .asText())
                .contains("already allocated");
        assertThat(allocate("c", "{\"allocation_ip\":\"192.168.1.1\"}").status())
                .isEqualTo(400);
        assertThat(allocate("d", "{}").status()).isEqualTo(204);
        assertThat(nsx.get(POOL + "/ip-allocations/d")
                        .json()
                        .path("allocation_ip")
                        .asText())
                .isEqualTo("192.168.1.2");
        assertThat(allocate("e", "{}").errorCode()).isEqualTo("520054");
        assertThat(nsx.delete(POOL + "/ip-subnets/static").errorCode()).isEqualTo("500030");
        assertThat(nsx.delete(POOL + "/ip-subnets/static?ignore_ip_allocations=true")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void overlappingStaticSubnetsAndRangesOutsideTheCidrAreRefused() {
        String first = "{\"resource_type\":\"IpAddressPoolStaticSubnet\",\"cidr\":\"192.168.0.0/23\"}";
        assertThat(nsx.patch(POOL + "/ip-subnets/one", first).status()).isEqualTo(204);
        NsxTestClient.Reply overlap = nsx.patch(
                POOL + "/ip-subnets/two",
                "{\"resource_type\":\"IpAddressPoolStaticSubnet\",\"cidr\":\"192.168.1.0/24\"}");
        assertThat(overlap.errorCode()).isEqualTo("500105");
        NsxTestClient.Reply outside = nsx.patch(
                POOL + "/ip-subnets/three",
                "{\"resource_type\":\"IpAddressPoolStaticSubnet\",\"cidr\":\"172.16.0.0/24\",\"allocation_ranges\":"
                        + "[{\"start\":\"172.16.1.1\",\"end\":\"172.16.1.9\"}]}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(nsx.patch(POOL + "/ip-subnets/four", "{\"cidr\":\"172.16.0.0/24\"}")
                        .json()
                        .path("error_message")
                        .asText())
                .contains("resource_type is required");
        assertThat(nsx.patch(POOL + "/ip-subnets/one", "{\"resource_type\":\"IpAddressPoolBlockSubnet\"}")
                        .json()
                        .path("error_message")
                        .asText())
                .contains("cannot change");
    }

    @Test
    void segmentNetworksAreDerivedFromTheGatewayAddress() {
        assertThat(nsx.patch("/infra/segments/s", "{\"subnets\":[{\"gateway_address\":\"10.9.1.1/24\"}]}")
                        .status())
                .isEqualTo(204);
        assertThat(nsx.get("/infra/segments/s")
                        .json()
                        .path("subnets")
                        .get(0)
                        .path("network")
                        .asText())
                .isEqualTo("10.9.1.0/24");
    }

    private NsxTestClient.Reply blockSubnet(String id, int size) {
        return nsx.patch(
                POOL + "/ip-subnets/" + id,
                "{\"resource_type\":\"IpAddressPoolBlockSubnet\",\"size\":" + size
                        + ",\"ip_block_path\":\"/infra/ip-blocks/block\"}");
    }

    private NsxTestClient.Reply allocate(String id, String body) {
        return nsx.patch(POOL + "/ip-allocations/" + id, body);
    }

    private String cidr(String subnet) {
        return nsx.get(POOL + "/ip-subnets/" + subnet).json().path("cidr").asText();
    }
}
