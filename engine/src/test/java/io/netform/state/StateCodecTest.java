package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.AddressParser;
import io.netform.addrs.InstanceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    static byte[] fixture() throws IOException {
        try (var in = StateCodecTest.class.getResourceAsStream("/state/terraform-v4.tfstate")) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    @Test
    void readsAndRewritesATerraformStateByteForByte() throws IOException {
        byte[] original = fixture();
        State state = StateCodec.decode(original, "terraform.tfstate");
        assertThat(new String(StateCodec.encode(state), StandardCharsets.UTF_8))
                .isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void exposesWhatTheStateRecords() throws IOException {
        State state = StateCodec.decode(fixture(), "terraform.tfstate");
        assertThat(state.serial()).isEqualTo(7);
        assertThat(state.outputs().get("password").sensitive()).isTrue();
        var ns = AddressParser.parseInstance("module.cluster[\"dev\"].nsxt_policy_segment.ns[\"default\"]");
        InstanceObject object = state.current(ns).orElseThrow();
        assertThat(object.attributes().path("subnet").get(0).path("cidr").asText())
                .isEqualTo("10.0.1.1/24");
        assertThat(object.createBeforeDestroy()).isTrue();
        assertThat(object.dependencies()).containsExactly("module.cluster.nsxt_policy_tier1_gateway.t1");
        var tainted = state.current(ns.resource().instance(InstanceKey.of("kube-system")))
                .orElseThrow();
        assertThat(tainted.tainted()).isTrue();
        assertThat(state.resources().get(ns.resource()).provider().alias()).isEqualTo("west");
    }

    @Test
    void thirtyDigitNumbersInAttributesAndOutputsSurviveAReadAndAWrite() {
        String big = "123456789012345678901234567890.5";
        String tiny = "0.1000000000000000000000000000001";
        String stored = "{\"version\":4,\"terraform_version\":\"1.9.8\",\"serial\":1,\"lineage\":\"l\","
                + "\"outputs\":{\"big\":{\"value\":" + big + ",\"type\":\"number\"}},"
                + "\"resources\":[{\"mode\":\"managed\",\"type\":\"t\",\"name\":\"n\","
                + "\"provider\":\"provider[\\\"a/b\\\"]\",\"instances\":[{\"schema_version\":0,"
                + "\"attributes\":{\"big\":" + big + ",\"tiny\":" + tiny + ",\"list\":[" + tiny + "]}}]}]}";

        String written = new String(
                StateCodec.encode(StateCodec.decode(stored.getBytes(), "s.tfstate")), StandardCharsets.UTF_8);
        assertThat(written)
                .contains("\"value\": " + big + ",")
                .contains("\"big\": " + big + ",")
                .contains("\"tiny\": " + tiny)
                .contains(tiny + "\n");
        assertThat(new String(
                        StateCodec.encode(StateCodec.decode(written.getBytes(), "s.tfstate")), StandardCharsets.UTF_8))
                .isEqualTo(written);
    }

    @Test
    void rejectsOtherVersionsAndBrokenDocumentsNamingTheFile() {
        assertThatThrownBy(() -> StateCodec.decode("{\"version\": 3}".getBytes(), "old.tfstate"))
                .isInstanceOf(StateFormatException.class)
                .hasMessageStartingWith("old.tfstate: unsupported state format version 3");
        assertThatThrownBy(() -> StateCodec.decode("{\"version\": 4,".getBytes(), "x.tfstate"))
                .hasMessageStartingWith("x.tfstate: the state is not valid JSON");
        String badMode = "{\"version\":4,\"lineage\":\"l\",\"resources\":[{\"mode\":\"other\",\"type\":\"t\","
                + "\"name\":\"n\",\"provider\":\"provider[\\\"a/b\\\"]\",\"instances\":[]}]}";
        assertThatThrownBy(() -> StateCodec.decode(badMode.getBytes(), "s.tfstate"))
                .hasMessageContaining("s.tfstate: resource t.n: unknown resource mode \"other\"");
    }

    @Test
    void anEncryptedStateReadWithoutItsKeySaysItIsEncrypted() {
        String envelope = "{\"serial\":1,\"lineage\":\"l\",\"meta\":{},\"encrypted_data\":\"AA==\","
                + "\"encryption_version\":\"v0\"}";
        assertThatThrownBy(() -> StateCodec.decode(envelope.getBytes(), "remote.tfstate"))
                .isInstanceOf(StateFormatException.class)
                .hasMessageStartingWith("remote.tfstate: the state is encrypted");
    }
}
