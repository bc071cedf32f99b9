package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.nsxt.api.EmbeddedTransport;
import io.netform.nsxt.api.NsxRequest;
import io.netform.nsxt.api.NsxResponse;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.api.RetryPolicy;
import io.netform.nsxt.api.Throttle;
import io.netform.nsxt.api.Transport;
import io.netform.provider.Configs;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exclude-list members through tfplugin6 against the embedded simulator. */
class ExcludeListMemberTest extends EmbeddedNsxTest {

    private static final String TYPE = "nsxt_policy_firewall_exclude_list_member";
    private static final String LIST = "/infra/settings/firewall/security/exclude-list";

    @BeforeEach
    void seed() {
        for (String name : List.of("a", "b")) {
            harness.create(
                    "nsxt_policy_group",
                    nsx.config(
                            "nsxt_policy_group",
                            Map.of(
                                    "display_name",
                                    name,
                                    "nsx_id",
                                    name,
                                    "criteria",
                                    List.of(Map.of(
                                            "ipaddress_expression",
                                            List.of(Map.of("ip_addresses", List.of("10.0.0.1"))))))));
        }
    }

    private static String group(String name) {
        return "/infra/domains/default/groups/" + name;
    }

    private List<String> members() {
        List<String> members = new ArrayList<>();
        nsx.nsx().get(LIST).orElseThrow().path("members").forEach(m -> members.add(m.asText()));
        return members;
    }

    private Value member(String path) {
        return harness.create(TYPE, nsx.config(TYPE, Map.of("member", path)));
    }

    @Test
    void membersAreAddedBesideEachOtherAndRemovedAlone() {
        Value a = member(group("a"));
        Value b = member(group("b"));

        assertThat(a.getAttr("id").asString()).isEqualTo(group("a"));
        assertThat(members()).containsExactly(group("a"), group("b"));
        assertThat(harness.read(TYPE, a).state()).isEqualTo(a);

        ProviderHarness.Result deleted = harness.apply(TYPE, a, Value.nullOf(a.type()), Value.nullOf(a.type()));
        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(members()).containsExactly(group("b"));
        assertThat(harness.read(TYPE, a).state().isNull())
                .as("a member taken off the list is gone")
                .isTrue();
        assertThat(harness.read(TYPE, b).state()).isEqualTo(b);
    }

    @Test
    void aWriteThatLosesToAnotherWriterIsRedoneOnTheNewList() throws Exception {
        // Another writer adds b between the member's read of the list and its write.
        try (RacingTransport nsxt = new RacingTransport(EmbeddedTransport.open(directory.resolve("race")));
                PolicyClient client = new PolicyClient(
                        nsxt, new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Set.of()), Throttle.NONE)) {
            ExcludeListMember resource = new ExcludeListMember(new ResourceContext(() -> client, Duration.ZERO));
            Value config = Configs.of(resource.schema().block(), Map.of("member", "/infra/domains/default"));

            resource.create(config, config);

            List<String> members = new ArrayList<>();
            client.get(LIST).orElseThrow().path("members").forEach(m -> members.add(m.asText()));
            assertThat(members).containsExactlyInAnyOrder("/infra/domains/default", "/infra/tier-0s/T0");
            assertThat(nsxt.patches).isEqualTo(3);
        }
    }

    /** Sends a competing write of the exclude list just before the first write through it. */
    private static final class RacingTransport implements Transport {
        private final Transport inner;
        private int patches;

        RacingTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public NsxResponse send(NsxRequest request) throws IOException {
            if (request.method().equals("PATCH") && patches++ == 0) {
                inner.send(new NsxRequest("PATCH", request.path(), Map.of(), "{\"members\":[\"/infra/tier-0s/T0\"]}"));
                patches++;
            }
            return inner.send(request);
        }

        @Override
        public String endpoint() {
            return inner.endpoint();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aMemberIsImportedByItsPathAndAMissingPathIsRefusedByNsx() {
        member(group("a"));

        assertThat(importAndRead(TYPE, group("a")).getAttr("member").asString()).isEqualTo(group("a"));
        assertThat(harness.importState(TYPE, "a").diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("imported by the policy path"));

        Value config = nsx.config(TYPE, Map.of("member", "/infra/segments/missing"));
        ProviderHarness.Result applied = applyNew(TYPE, config);
        assertThat(applied.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the " + TYPE);
            assertThat(d.getDetail()).contains("/infra/segments/missing");
        });
        JsonNode unchanged = nsx.nsx().get(LIST).orElseThrow().path("members");
        assertThat(unchanged).hasSize(1);
    }
}
