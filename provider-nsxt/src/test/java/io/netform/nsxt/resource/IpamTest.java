package io.netform.nsxt.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxt.EmbeddedNsxTest;
import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IP blocks, pools, their subnets and address allocations through tfplugin6 against the embedded simulator. */
class IpamTest extends EmbeddedNsxTest {

    private static final String BLOCK = "nsxt_policy_ip_block";
    private static final String POOL = "nsxt_policy_ip_pool";
    private static final String BLOCK_SUBNET = "nsxt_policy_ip_pool_block_subnet";
    private static final String STATIC_SUBNET = "nsxt_policy_ip_pool_static_subnet";
    private static final String ALLOCATION = "nsxt_policy_ip_address_allocation";

    private Value config(String type, Map<String, Object> given, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(given);
        all.putAll(extra);
        return nsx.config(type, all);
    }

    private Value block(String cidr) {
        return harness.create(BLOCK, nsx.config(BLOCK, Map.of("display_name", "pods", "nsx_id", "pods", "cidr", cidr)));
    }

    private Value pool(String id) {
        return harness.create(POOL, nsx.config(POOL, Map.of("display_name", id, "nsx_id", id)));
    }

    private Value blockSubnet(String id, int size) {
        return harness.create(
                BLOCK_SUBNET,
                nsx.config(
                        BLOCK_SUBNET,
                        Map.of(
                                "display_name",
                                id,
                                "nsx_id",
                                id,
                                "pool_path",
                                "/infra/ip-pools/ext",
                                "block_path",
                                "/infra/ip-blocks/pods",
                                "size",
                                size)));
    }

    private Map<String, Object> staticSubnet() {
        return Map.of(
                "display_name",
                "snat",
                "nsx_id",
                "snat",
                "pool_path",
                "/infra/ip-pools/ext",
                "cidr",
                "192.168.10.0/24",
                "gateway",
                "192.168.10.1",
                "allocation_range",
                List.of(Map.of("start", "192.168.10.10", "end", "192.168.10.12")));
    }

    private ProviderHarness.Result update(String type, Value state, Value config) {
        ProviderHarness.Planned plan = harness.plan(type, state, config);
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.requiresReplace()).isEmpty();
        return harness.apply(type, state, plan.state(), config);
    }

    @Test
    void anIpBlockIsCreatedReadBackUnchangedAndUpdatedWithItsRevision() {
        Value state = harness.create(
                BLOCK,
                nsx.config(
                        BLOCK,
                        Map.of(
                                "display_name",
                                "pods",
                                "nsx_id",
                                "pods",
                                "cidr",
                                "10.20.0.0/16",
                                "visibility",
                                "PRIVATE")));

        assertThat(state.getAttr("path").asString()).isEqualTo("/infra/ip-blocks/pods");
        assertThat(harness.read(BLOCK, state).state()).isEqualTo(state);
        ProviderHarness.Result updated = update(
                BLOCK,
                state,
                nsx.config(
                        BLOCK,
                        Map.of(
                                "display_name",
                                "pods",
                                "nsx_id",
                                "pods",
                                "cidr",
                                "10.30.0.0/16",
                                "visibility",
                                "PRIVATE",
                                "description",
                                "wider")));

        assertThat(updated.diagnostics()).isEmpty();
        assertThat(updated.state().getAttr("cidr").asString()).isEqualTo("10.30.0.0/16");
        assertThat(updated.state().getAttr("revision").asLong())
                .isGreaterThan(state.getAttr("revision").asLong());
        assertThat(harness.read(BLOCK, updated.state()).state()).isEqualTo(updated.state());
    }

    @Test
    void anIpBlockUpdateBasedOnAStaleRevisionIsRefusedWithTheNsxMessage() {
        Value state = block("10.20.0.0/16");
        Value config = nsx.config(
                BLOCK,
                Map.of("display_name", "pods", "nsx_id", "pods", "cidr", "10.20.0.0/16", "description", "first"));
        assertThat(update(BLOCK, state, config).diagnostics()).isEmpty();

        ProviderHarness.Result stale = update(
                BLOCK,
                state,
                nsx.config(
                        BLOCK,
                        Map.of(
                                "display_name",
                                "pods",
                                "nsx_id",
                                "pods",
                                "cidr",
                                "10.20.0.0/16",
                                "description",
                                "second")));

        assertThat(stale.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to update the nsxt_policy_ip_block");
            assertThat(d.getDetail()).contains("/infra/ip-blocks/pods");
        });
    }

    @Test
    void aPoolExportsItsRealizedIdAndIsImportedByIdAndPath() {
        Value state = pool("ext");

        assertThat(state.getAttr("realized_id").asString()).isNotEmpty();
        for (String id : List.of("ext", "/infra/ip-pools/ext")) {
            ProviderHarness.Result imported = harness.importState(POOL, id);
            assertThat(imported.diagnostics()).isEmpty();
            assertThat(harness.read(POOL, imported.state()).state().getAttr("realized_id"))
                    .isEqualTo(state.getAttr("realized_id"));
        }
    }

    @Test
    void blockSubnetsAreCarvedFromTheBlockOneAfterAnother() {
        block("10.20.0.0/16");
        pool("ext");

        Value first = blockSubnet("a", 256);
        Value second = blockSubnet("b", 256);

        assertThat(first.getAttr("cidr").asString()).isEqualTo("10.20.0.0/24");
        assertThat(second.getAttr("cidr").asString()).isEqualTo("10.20.1.0/24");
        assertThat(first.getAttr("auto_assign_gateway").asBoolean()).isTrue();
        assertThat(first.getAttr("path").asString()).isEqualTo("/infra/ip-pools/ext/ip-subnets/a");
        assertThat(harness.read(BLOCK_SUBNET, first).state()).isEqualTo(first);
    }

    @Test
    void aBlockSubnetOfAnotherSizeIsReplacedAndAGatewayChangeIsInPlace() {
        block("10.20.0.0/16");
        pool("ext");
        Value state = blockSubnet("a", 256);
        Map<String, Object> given = Map.of(
                "display_name",
                "a",
                "nsx_id",
                "a",
                "pool_path",
                "/infra/ip-pools/ext",
                "block_path",
                "/infra/ip-blocks/pods");

        ProviderHarness.Planned resized =
                harness.plan(BLOCK_SUBNET, state, config(BLOCK_SUBNET, given, Map.of("size", 512)));
        ProviderHarness.Result noGateway = update(
                BLOCK_SUBNET, state, config(BLOCK_SUBNET, given, Map.of("size", 256, "auto_assign_gateway", false)));

        assertThat(resized.requiresReplace()).hasSize(1);
        assertThat(resized.requiresReplace().get(0).getSteps(0).getAttributeName())
                .isEqualTo("size");
        assertThat(noGateway.diagnostics()).isEmpty();
        assertThat(noGateway.state().getAttr("auto_assign_gateway").asBoolean()).isFalse();
        assertThat(noGateway.state().getAttr("cidr")).isEqualTo(state.getAttr("cidr"));
    }

    @Test
    void aBlockSubnetLargerThanWhatIsLeftFailsWithTheNsxMessageAndASizeNotAPowerOfTwoIsRejected() {
        block("10.20.0.0/24");
        pool("ext");
        blockSubnet("a", 128);
        Value config = nsx.config(
                BLOCK_SUBNET,
                Map.of(
                        "display_name",
                        "b",
                        "pool_path",
                        "/infra/ip-pools/ext",
                        "block_path",
                        "/infra/ip-blocks/pods",
                        "size",
                        256));
        ProviderHarness.Result refused = planAndApply(BLOCK_SUBNET, Value.nullOf(config.type()), config);

        assertThat(refused.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_ip_pool_block_subnet");
            assertThat(d.getDetail()).contains("/infra/ip-blocks/pods").contains("no free range");
        });
        assertThat(harness.validate(
                        BLOCK_SUBNET,
                        config(
                                BLOCK_SUBNET,
                                Map.of(
                                        "display_name",
                                        "c",
                                        "pool_path",
                                        "/infra/ip-pools/ext",
                                        "block_path",
                                        "/infra/ip-blocks/pods"),
                                Map.of("size", 100))))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("power of 2"));
    }

    @Test
    void aBlockSubnetIsGoneAfterDeleteAndImportedByPathOnly() {
        block("10.20.0.0/16");
        pool("ext");
        Value state = blockSubnet("a", 64);

        ProviderHarness.Result imported = harness.importState(BLOCK_SUBNET, "/infra/ip-pools/ext/ip-subnets/a");
        ProviderHarness.Result byId = harness.importState(BLOCK_SUBNET, "a");

        assertThat(harness.read(BLOCK_SUBNET, imported.state()).state().getAttr("cidr"))
                .isEqualTo(state.getAttr("cidr"));
        assertThat(harness.read(BLOCK_SUBNET, imported.state())
                        .state()
                        .getAttr("pool_path")
                        .asString())
                .isEqualTo("/infra/ip-pools/ext");
        assertThat(byId.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("{pool_path}/ip-subnets/{id}"));
        assertThat(delete(BLOCK_SUBNET, state).diagnostics()).isEmpty();
        assertThat(harness.read(BLOCK_SUBNET, state).state().isNull()).isTrue();
    }

    @Test
    void aBlockSubnetCostsTheRequestsTerraformsProviderMakesNoRealizationWaitOnCreateOneCheckAfterDelete() {
        block("10.20.0.0/16");
        pool("ext");
        long before = nsx.nsx().requestCount();
        Value state = blockSubnet("a", 64);
        long created = nsx.nsx().requestCount();
        assertThat(delete(BLOCK_SUBNET, state).diagnostics()).isEmpty();

        // create: GET (is the nsx_id free?), PATCH, GET back; delete: DELETE, then realized entities (404).
        assertThat(created - before).isEqualTo(3);
        assertThat(nsx.nsx().requestCount() - created).isEqualTo(2);
        assertThat(state.getAttr("cidr").asString()).isEqualTo("10.20.0.0/26");
    }

    @Test
    void aStaticSubnetKeepsItsRangesAndIsUpdatedInPlace() {
        pool("ext");
        Value state = harness.create(STATIC_SUBNET, nsx.config(STATIC_SUBNET, staticSubnet()));

        assertThat(state.getAttr("allocation_range").elements())
                .singleElement()
                .satisfies(r -> assertThat(r.getAttr("end").asString()).isEqualTo("192.168.10.12"));
        assertThat(harness.read(STATIC_SUBNET, state).state()).isEqualTo(state);
        ProviderHarness.Result updated = update(
                STATIC_SUBNET,
                state,
                config(
                        STATIC_SUBNET,
                        staticSubnet(),
                        Map.of("dns_nameservers", List.of("10.0.0.53"), "dns_suffix", "corp.example")));

        assertThat(updated.diagnostics()).isEmpty();
        assertThat(harness.read(STATIC_SUBNET, updated.state())
                        .state()
                        .getAttr("dns_nameservers")
                        .elements())
                .containsExactly(Value.string("10.0.0.53"));
    }

    @Test
    void aStaticSubnetOverlappingAnotherIsRefusedAndMoreThanThreeNameserversAreRejected() {
        pool("ext");
        harness.create(STATIC_SUBNET, nsx.config(STATIC_SUBNET, staticSubnet()));
        Value overlapping = config(
                STATIC_SUBNET,
                staticSubnet(),
                Map.of("nsx_id", "other", "cidr", "192.168.10.0/25", "gateway", "192.168.10.1"));
        ProviderHarness.Result refused = planAndApply(STATIC_SUBNET, Value.nullOf(overlapping.type()), overlapping);

        assertThat(refused.diagnostics())
                .singleElement()
                .satisfies(d ->
                        assertThat(d.getDetail()).contains("overlaps").contains("/infra/ip-pools/ext/ip-subnets/snat"));
        assertThat(harness.validate(
                        STATIC_SUBNET,
                        config(
                                STATIC_SUBNET,
                                staticSubnet(),
                                Map.of("dns_nameservers", List.of("1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4")))))
                .singleElement()
                .satisfies(d -> assertThat(d.getDetail()).contains("at most 3"));
    }

    @Test
    void anAllocationWithoutAnAddressGetsTheOneNsxPicksAndKeepsIt() {
        pool("ext");
        harness.create(STATIC_SUBNET, nsx.config(STATIC_SUBNET, staticSubnet()));

        Value first = harness.create(
                ALLOCATION, nsx.config(ALLOCATION, Map.of("display_name", "ns-a", "pool_path", "/infra/ip-pools/ext")));
        Value second = harness.create(
                ALLOCATION,
                nsx.config(
                        ALLOCATION,
                        Map.of(
                                "display_name",
                                "ns-b",
                                "pool_path",
                                "/infra/ip-pools/ext",
                                "allocation_ip",
                                "192.168.10.12")));

        assertThat(first.getAttr("allocation_ip").asString()).isEqualTo("192.168.10.10");
        assertThat(first.getAttr("timeout").asLong()).isEqualTo(1200);
        assertThat(second.getAttr("allocation_ip").asString()).isEqualTo("192.168.10.12");
        assertThat(harness.read(ALLOCATION, first).state()).isEqualTo(first);
    }

    @Test
    void anAllocationOfAnotherAddressIsReplacedAndImportedByPath() {
        pool("ext");
        harness.create(STATIC_SUBNET, nsx.config(STATIC_SUBNET, staticSubnet()));
        Map<String, Object> given =
                Map.of("display_name", "ns-a", "nsx_id", "ns-a", "pool_path", "/infra/ip-pools/ext");
        Value state = harness.create(ALLOCATION, nsx.config(ALLOCATION, given));

        ProviderHarness.Planned moved =
                harness.plan(ALLOCATION, state, config(ALLOCATION, given, Map.of("allocation_ip", "192.168.10.11")));
        ProviderHarness.Result imported = harness.importState(ALLOCATION, "/infra/ip-pools/ext/ip-allocations/ns-a");

        assertThat(moved.requiresReplace())
                .singleElement()
                .satisfies(p -> assertThat(p.getSteps(0).getAttributeName()).isEqualTo("allocation_ip"));
        assertThat(harness.read(ALLOCATION, imported.state()).state()).isEqualTo(state);
    }

    @Test
    void anAllocationFromAnExhaustedPoolFailsWithTheNsxMessageAndCreatesNothing() {
        pool("ext");
        harness.create(
                STATIC_SUBNET,
                config(
                        STATIC_SUBNET,
                        staticSubnet(),
                        Map.of("allocation_range", List.of(Map.of("start", "192.168.10.10", "end", "192.168.10.10")))));
        harness.create(
                ALLOCATION, nsx.config(ALLOCATION, Map.of("display_name", "ns-a", "pool_path", "/infra/ip-pools/ext")));
        Value config = nsx.config(
                ALLOCATION, Map.of("display_name", "ns-b", "nsx_id", "ns-b", "pool_path", "/infra/ip-pools/ext"));
        ProviderHarness.Result refused = planAndApply(ALLOCATION, Value.nullOf(config.type()), config);

        assertThat(refused.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the nsxt_policy_ip_address_allocation");
            assertThat(d.getDetail()).contains("exhausted").contains("/infra/ip-pools/ext");
        });
        Value imported = harness.importState(ALLOCATION, "/infra/ip-pools/ext/ip-allocations/ns-b")
                .state();
        assertThat(harness.read(ALLOCATION, imported).state().isNull()).isTrue();
    }

    @Test
    void aPoolWithSubnetsCannotBeDeletedAndSaysWhy() {
        Value pool = pool("ext");
        harness.create(STATIC_SUBNET, nsx.config(STATIC_SUBNET, staticSubnet()));

        ProviderHarness.Result refused = delete(POOL, pool);

        assertThat(refused.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to delete the nsxt_policy_ip_pool");
            assertThat(d.getDetail()).contains("/infra/ip-pools/ext");
        });
        assertThat(harness.read(POOL, pool).state()).isEqualTo(pool);
    }
}
