package io.netform.nsxt.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.nsxt.api.PolicyClient;
import io.netform.provider.ProviderHarness;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An nsxt_k8s_network_policy read back from NSX: groups, sections and rules changed, deleted or
 * added behind Netform's back show in nsx_objects, the plan updates the policy and the apply puts
 * NSX back as the manifest says; and a policy imported by its id.
 */
class NetworkPolicyReadBackTest extends EmbeddedNsxTest {

    private static final String TYPE = NetworkPolicyResource.TYPE_NAME;
    private static final String ALLOW = "/infra/domains/default/security-policies/k8s-k1-prod-db-allow";
    private static final String ISOLATION = "/infra/domains/default/security-policies/k8s-k1-prod-db-isolation";
    private static final String SPEC = """
            {"podSelector": {"matchLabels": {"app": "db"}}, "policyTypes": ["Ingress", "Egress"],
             "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"env": "dev"}}}],
                          "ports": [{"protocol": "TCP", "port": 6379}]}],
             "egress": [{"ports": [{"protocol": "UDP", "port": 53}]}]}""";

    private PodNetwork network;
    private Pod db;
    private Pod devClient;
    private Pod opsClient;
    private Value state;

    @BeforeEach
    void applyThePolicy() {
        network = new PodNetwork(nsx.nsx());
        db = new Pod("prod", "db", Map.of("app", "db"), Map.of(), "10.1.1.20");
        devClient = new Pod("dev", "client", Map.of(), Map.of(), "10.1.2.30");
        opsClient = new Pod("ops", "client", Map.of(), Map.of(), "10.1.3.30");
        for (Pod pod : new Pod[] {db, devClient, opsClient}) {
            network.put(pod);
        }
        ProviderHarness.Result created = applyNew(TYPE, config());
        assertThat(created.diagnostics()).isEmpty();
        state = created.state();
    }

    private Value config() {
        Map<String, Value> namespaces = new LinkedHashMap<>();
        for (String ns : new String[] {"prod", "dev", "ops"}) {
            namespaces.put(ns, Value.map(Type.STRING, Map.of("env", Value.string(ns))));
        }
        return nsx.config(
                TYPE,
                Map.of(
                        "cluster",
                        PodNetwork.CLUSTER,
                        "namespaces",
                        Value.map(Type.map(Type.STRING), namespaces),
                        "manifest",
                        ManifestValues.of("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "db", "namespace": "prod"}, "spec": %s}""".formatted(SPEC))));
    }

    private Map<String, Value> objects(Value of) {
        return of.getAttr("nsx_objects").asMap();
    }

    /** Refreshes the state, as a plan does first, and returns it. */
    private Value refreshed() {
        ProviderHarness.Result read = harness.read(TYPE, state);
        assertThat(read.diagnostics()).isEmpty();
        return read.state();
    }

    /** Plans from the refreshed state, asserts an in-place update and applies it. */
    private void repair(Value refreshed) {
        ProviderHarness.Planned plan = harness.plan(TYPE, refreshed, config());
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(plan.state())
                .as("the plan puts back what the manifest says")
                .isEqualTo(state)
                .isNotEqualTo(refreshed);
        ProviderHarness.Result applied = harness.apply(TYPE, refreshed, plan.state(), config());
        assertThat(applied.diagnostics()).isEmpty();
        assertReadsBackUnchanged(TYPE, applied.state());
    }

    private boolean devReachesDb() {
        return network.delivers(devClient, db.ip(), "TCP", 6379);
    }

    @Test
    void everyObjectIsListedAndAnUntouchedPolicyReadsBackUnchanged() {
        assertThat(objects(state).keySet())
                .contains(
                        ALLOW,
                        ALLOW + "/rules/ingress-0",
                        ALLOW + "/rules/egress-0",
                        ISOLATION,
                        ISOLATION + "/rules/ingress-isolation",
                        ISOLATION + "/rules/egress-isolation")
                .containsAll(state.getAttr("group_paths").elements().stream()
                        .map(Value::asString)
                        .toList())
                .hasSize(6 + 2);
        assertReadsBackUnchanged(TYPE, state);
        assertThat(devReachesDb()).isTrue();
    }

    @Test
    void aRuleChangedInNsxShowsInThePlanAndTheApplyChangesItBack() {
        nsx.nsx().patch(ALLOW + "/rules/ingress-0", PolicyClient.object().put("action", "DROP"));
        assertThat(devReachesDb()).isFalse();

        Value refreshed = refreshed();
        assertThat(objects(refreshed)).containsOnlyKeys(objects(state).keySet());
        Map<String, Value> changed = new LinkedHashMap<>(objects(refreshed));
        changed.entrySet().removeIf(e -> e.getValue().equals(objects(state).get(e.getKey())));
        assertThat(changed).containsOnlyKeys(ALLOW + "/rules/ingress-0");

        repair(refreshed);
        assertThat(nsx.nsx()
                        .get(ALLOW + "/rules/ingress-0")
                        .orElseThrow()
                        .path("action")
                        .asText())
                .isEqualTo("ALLOW");
        assertThat(devReachesDb()).isTrue();
    }

    @Test
    void deletedAndAddedRulesAndAChangedGroupAreRepairedInOneApply() {
        String peers = state.getAttr("group_paths").elements().get(1).asString();
        ObjectNode everyone = PolicyClient.object();
        everyone.putArray("expression")
                .addObject()
                .put("resource_type", "IPAddressExpression")
                .putArray("ip_addresses")
                .add("10.1.0.0/16");
        nsx.nsx().patch(peers, everyone);
        nsx.nsx().delete(ISOLATION + "/rules/egress-isolation", Map.of());
        ObjectNode extra = PolicyClient.object().put("action", "ALLOW").put("sequence_number", 99);
        extra.putArray("source_groups").add("ANY");
        extra.putArray("destination_groups").add("ANY");
        extra.putArray("services").add("ANY");
        nsx.nsx().patch(ALLOW + "/rules/by-hand", extra);
        assertThat(network.delivers(opsClient, db.ip(), "TCP", 6379)).isTrue();

        Value refreshed = refreshed();
        assertThat(objects(refreshed))
                .containsKey(ALLOW + "/rules/by-hand")
                .doesNotContainKey(ISOLATION + "/rules/egress-isolation");
        assertThat(objects(refreshed).get(peers)).isNotEqualTo(objects(state).get(peers));

        repair(refreshed);
        assertThat(nsx.nsx().get(ALLOW + "/rules/by-hand")).isEmpty();
        assertThat(nsx.nsx().get(ISOLATION + "/rules/egress-isolation")).isPresent();
        assertThat(network.delivers(opsClient, db.ip(), "TCP", 6379)).isFalse();
        assertThat(network.delivers(db, opsClient.ip(), "TCP", 80)).isFalse();
        assertThat(devReachesDb()).isTrue();
    }

    @Test
    void anImportedPolicyReadsItsObjectsFromNsxAndTheNextPlanOnlyRecordsTheManifest() {
        Value imported = importAndRead(TYPE, "k1/prod/db");

        assertThat(imported.getAttr("id").asString()).isEqualTo("k1/prod/db");
        assertThat(imported.getAttr("allow_policy_path").asString()).isEqualTo(ALLOW);
        assertThat(imported.getAttr("isolation_policy_path").asString()).isEqualTo(ISOLATION);
        assertThat(imported.getAttr("nsx_objects")).isEqualTo(state.getAttr("nsx_objects"));
        assertThat(imported.getAttr("group_paths").elements())
                .containsExactlyInAnyOrderElementsOf(
                        state.getAttr("group_paths").elements());
        assertThat(imported.getAttr("manifest").isNull()).isTrue();

        ProviderHarness.Planned plan = harness.plan(TYPE, imported, config());
        assertThat(plan.requiresReplace()).isEmpty();
        assertThat(plan.state()).isEqualTo(state);
        ProviderHarness.Result applied = harness.apply(TYPE, imported, plan.state(), config());
        assertThat(applied.diagnostics()).isEmpty();
        assertReadsBackUnchanged(TYPE, applied.state());
        assertThat(devReachesDb()).isTrue();
    }

    @Test
    void anImportOfAPolicyNsxDoesNotHaveOrOfAMalformedIdIsRefused() {
        assertThat(harness.importState(TYPE, "k1/prod/missing").diagnostics())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.getSummary()).isEqualTo("Cannot import non-existent remote object");
                    assertThat(d.getDetail())
                            .isEqualTo(
                                    "NetworkPolicy prod/missing of cluster k1 is not realized in NSX"
                                            + " domain default: neither /infra/domains/default/security-policies/k8s-k1-prod-missing-allow"
                                            + " nor /infra/domains/default/security-policies/k8s-k1-prod-missing-isolation exists.");
                });
        assertThat(harness.importState(TYPE, "other/k1/prod/db").diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("not realized in NSX domain other"));
        assertThat(harness.importState(TYPE, "prod/db").diagnostics())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.getSummary()).isEqualTo("Invalid import ID");
                    assertThat(d.getDetail()).startsWith("\"prod/db\" is not <cluster>/<namespace>/<name>");
                });
    }

    @Test
    void aPolicyWhoseSectionsWereDeletedIsGoneAndPlannedAgain() {
        nsx.nsx().delete(ALLOW, Map.of());
        nsx.nsx().delete(ISOLATION, Map.of());

        assertThat(refreshed().isNull()).isTrue();
    }
}
