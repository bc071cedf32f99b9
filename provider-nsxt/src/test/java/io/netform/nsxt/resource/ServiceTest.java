package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services and their entries through tfplugin6 against the embedded simulator. */
class ServiceTest extends EmbeddedNsxTest {

    private static final String TYPE = "nsxt_policy_service";

    private Value service(Map<String, Object> extra) {
        Map<String, Object> given = new HashMap<>(Map.of(
                "display_name",
                "app",
                "nsx_id",
                "app",
                "l4_port_set_entry",
                List.of(
                        Map.of(
                                "display_name",
                                "https",
                                "protocol",
                                "TCP",
                                "destination_ports",
                                List.of("443", "8443-8444")),
                        Map.of("protocol", "UDP", "destination_ports", List.of("53"))),
                "icmp_entry",
                List.of(Map.of("protocol", "ICMPv4", "icmp_type", "8", "icmp_code", "0"))));
        given.putAll(extra);
        return nsx.config(TYPE, given);
    }

    private List<String> entryTypesInNsx() {
        List<String> types = new ArrayList<>();
        for (JsonNode entry : nsx.nsx().get("/infra/services/app").orElseThrow().path("service_entries")) {
            types.add(entry.path("resource_type").asText());
        }
        return types;
    }

    @Test
    void entriesOfEveryKindAreCreatedAndReadBackUnchanged() {
        Value state = harness.create(
                TYPE,
                service(Map.of(
                        "ip_protocol_entry", List.of(Map.of("protocol", 47)),
                        "algorithm_entry", List.of(Map.of("algorithm", "FTP", "destination_port", "21")),
                        "nested_service_entry", List.of(Map.of("nested_service_path", "/infra/services/DNS-UDP")))));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/services/app");
        assertThat(entryTypesInNsx())
                .containsExactlyInAnyOrder(
                        "L4PortSetServiceEntry",
                        "L4PortSetServiceEntry",
                        "ICMPTypeServiceEntry",
                        "IPProtocolServiceEntry",
                        "ALGTypeServiceEntry",
                        "NestedServiceServiceEntry");
        assertReadsBackUnchanged(TYPE, state);
    }

    @Test
    void anUpdateReplacesTheEntriesWithPut() {
        Value state = harness.create(TYPE, service(Map.of()));
        Value changed = service(Map.of(
                "icmp_entry",
                List.of(),
                "l4_port_set_entry",
                List.of(Map.of("protocol", "TCP", "destination_ports", List.of("6443"))),
                "ether_type_entry",
                List.of(Map.of("ether_type", 2048))));

        ProviderHarness.Planned plan = harness.plan(TYPE, state, changed);
        assertThat(plan.requiresReplace()).isEmpty();
        ProviderHarness.Result applied = harness.apply(TYPE, state, plan.state(), changed);

        assertThat(applied.diagnostics()).isEmpty();
        assertThat(entryTypesInNsx()).containsExactlyInAnyOrder("L4PortSetServiceEntry", "EtherTypeServiceEntry");
        assertThat(applied.state().getAttr("revision").asLong())
                .isGreaterThan(state.getAttr("revision").asLong());
        assertThat(harness.read(TYPE, applied.state()).state()).isEqualTo(applied.state());
    }

    @Test
    void aServiceIsImportedByIdOrPathAndIsGoneAfterDelete() {
        Value state = harness.create(TYPE, service(Map.of()));

        for (String id : List.of("app", "/infra/services/app")) {
            Value read = importAndRead(TYPE, id);
            assertThat(read.getAttr("l4_port_set_entry")).isEqualTo(state.getAttr("l4_port_set_entry"));
        }
        assertDeletedAndGone(TYPE, state);
    }

    @Test
    void aNestedServiceThatDoesNotExistIsRefusedWithTheNsxMessage() {
        Value config = service(
                Map.of("nested_service_entry", List.of(Map.of("nested_service_path", "/infra/services/missing"))));

        ProviderHarness.Result applied = applyNew(TYPE, config);

        assertThat(applied.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_service");
            assertThat(d.getDetail()).contains("/infra/services/missing");
        });
    }
}
