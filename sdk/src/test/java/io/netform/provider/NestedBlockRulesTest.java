package io.netform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.proto.tfplugin6.AttributePath;
import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.proto.tfplugin6.ValidateDataResourceConfig;
import io.netform.proto.tfplugin6.ValidateProviderConfig;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Force-new attributes and blocks inside nested blocks, and the item limits of list and set
 * blocks, through the tfplugin6 adapter as a host sees them.
 */
class NestedBlockRulesTest {

    private static ProviderHarness racks;

    @BeforeAll
    static void serve() {
        racks = ProviderHarness.inProcess(new RackProvider());
    }

    @AfterAll
    static void stop() {
        racks.close();
    }

    @Test
    void aForceNewAttributeInAListBlockIsNamedWithTheBlocksIndex() {
        Value prior = state(rack().ports(port("1", "uplink"), port("2", "mgmt")));

        assertThat(replacements(prior, rack().ports(port("1", "uplink"), port("3", "mgmt"))))
                .containsExactly("port[1].number");
        assertThat(replacements(prior, rack().ports(port("1", "renamed"), port("2", "mgmt"))))
                .isEmpty();
        assertThat(replacements(prior, rack().ports(port("1", "uplink"), port("2", "mgmt"), port("4", null))))
                .as("a new port brings its force-new number")
                .containsExactly("port[2].number");
    }

    @Test
    void aForceNewAttributeInAMapBlockIsNamedWithTheBlocksKey() {
        Value prior = state(rack().vlans(Map.of("blue", vlan("10.0.0.0/24", "a"), "red", vlan("10.0.1.0/24", "b"))));

        assertThat(replacements(
                        prior, rack().vlans(Map.of("blue", vlan("10.0.0.0/24", "a"), "red", vlan("10.0.9.0/24", "b")))))
                .containsExactly("vlan[\"red\"].cidr");
        assertThat(replacements(
                        prior, rack().vlans(Map.of("blue", vlan("10.0.0.0/24", "x"), "red", vlan("10.0.1.0/24", "y")))))
                .isEmpty();
    }

    @Test
    void aForceNewAttributeInASetBlockNamesTheSetWhoseElementsHaveNoPosition() {
        Value prior = state(rack().disks(disk("1TB", "a"), disk("2TB", "b")));

        assertThat(replacements(prior, rack().disks(disk("1TB", "a"), disk("4TB", "b"))))
                .containsExactly("disk");
        assertThat(replacements(prior, rack().disks(disk("1TB", "c"), disk("2TB", "d"))))
                .isEmpty();
    }

    @Test
    void aForceNewAttributeInASingleBlockAndInABlockInsideItAreFound() {
        Value prior = state(rack().chassis(chassis("r740", "black", "gpu")));

        assertThat(replacements(prior, rack().chassis(chassis("r750", "black", "gpu"))))
                .containsExactly("chassis.model");
        assertThat(replacements(prior, rack().chassis(chassis("r740", "black", "nic"))))
                .containsExactly("chassis.slot[0].card");
        assertThat(replacements(prior, rack().chassis(chassis("r740", "white", "gpu"))))
                .isEmpty();
    }

    @Test
    void anyChangeToAForceNewBlockReplacesTheObjectButNoBlocksStayNoBlocks() {
        Value prior = state(rack().power("230"));

        assertThat(replacements(prior, rack().power("110"))).containsExactly("power");
        assertThat(replacements(prior, rack().power("230", "230"))).containsExactly("power");
        assertThat(replacements(prior, rack().power("230"))).isEmpty();
        assertThat(replacements(state(rack().noPower()), rack().power()))
                .as("null and no blocks")
                .isEmpty();
    }

    @Test
    void aReplacementPlansTheComputedIdUnknown() {
        Value prior = state(rack().ports(port("1", null)));
        ProviderHarness.Planned plan =
                racks.plan("racks_rack", prior, rack().ports(port("9", null)).config());
        assertThat(plan.state().getAttr("id").isKnown()).isFalse();
    }

    @Test
    void tooFewOrTooManyListAndSetBlocksAreRefusedWithTheirPaths() {
        assertThat(problems(rack().ports()))
                .containsExactly("port: Insufficient port blocks: At least 1 \"port\" blocks are required.");
        assertThat(problems(rack().ports(port("1", null), port("2", null), port("3", null), port("4", null))))
                .containsExactly("port: Too many port blocks: No more than 3 \"port\" blocks are allowed.");
        assertThat(problems(rack().disks(disk("1TB", null), disk("2TB", null), disk("3TB", null))))
                .containsExactly("disk: Too many disk blocks: No more than 2 \"disk\" blocks are allowed.");
        assertThat(problems(rack().chassis(chassis("r740", null, "gpu", "nic"))))
                .containsExactly("chassis.slot: Too many slot blocks: No more than 1 \"slot\" block is allowed.");
        assertThat(problems(rack().ports(port("1", null), port("2", null)))).isEmpty();
    }

    @Test
    void blocksWhoseNumberIsNotKnownYetAreNoError() {
        Value unknownPorts = Value.unknown(Type.list(RackProvider.PORT.impliedType()));
        assertThat(problems(rack().with("port", unknownPorts))).isEmpty();
    }

    @Test
    void theProviderConfigurationAndDataSourcesHaveTheirLimitsToo() {
        Type providerType = new RackProvider().schema().impliedType();
        Value endpoint = Value.object(Map.of("url", Value.string("https://rack")));
        Value twoEndpoints = Value.object(
                Map.of("endpoint", Value.list(RackProvider.ENDPOINT.impliedType(), List.of(endpoint, endpoint))));
        List<Diagnostic> provider = racks.stub()
                .validateProviderConfig(ValidateProviderConfig.Request.newBuilder()
                        .setConfig(ProviderHarness.wire(twoEndpoints, providerType))
                        .build())
                .getDiagnosticsList();
        assertThat(described(provider))
                .containsExactly("endpoint: Too many endpoint blocks: No more than 1 \"endpoint\" block is allowed.");

        List<Diagnostic> data = racks.stub()
                .validateDataResourceConfig(ValidateDataResourceConfig.Request.newBuilder()
                        .setTypeName("racks_rack")
                        .setConfig(ProviderHarness.wire(rack().ports().config(), RackProvider.RACK.impliedType()))
                        .build())
                .getDiagnosticsList();
        assertThat(described(data))
                .containsExactly("port: Insufficient port blocks: At least 1 \"port\" blocks are required.");
    }

    // --- building racks

    private static List<String> replacements(Value prior, RackConfig config) {
        ProviderHarness.Planned plan = racks.plan("racks_rack", prior, config.config());
        assertThat(plan.diagnostics()).isEmpty();
        return plan.requiresReplace().stream()
                .map(NestedBlockRulesTest::describe)
                .toList();
    }

    private static List<String> problems(RackConfig config) {
        return described(racks.validate("racks_rack", config.config()));
    }

    private static List<String> described(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> describe(d.getAttribute()) + ": " + d.getSummary() + ": " + d.getDetail())
                .toList();
    }

    private static String describe(AttributePath path) {
        return path.getStepsList().stream()
                .map(step -> switch (step.getSelectorCase()) {
                    case ATTRIBUTE_NAME -> "." + step.getAttributeName();
                    case ELEMENT_KEY_STRING -> "[\"" + step.getElementKeyString() + "\"]";
                    case ELEMENT_KEY_INT -> "[" + step.getElementKeyInt() + "]";
                    default -> "?";
                })
                .collect(Collectors.joining())
                .substring(1);
    }

    private static Value state(RackConfig config) {
        return racks.create("racks_rack", config.config());
    }

    private static RackConfig rack() {
        return new RackConfig(Map.of());
    }

    private static Value port(String number, String label) {
        return Value.object(Map.of("number", Value.string(number), "label", text(label)));
    }

    private static Value disk(String size, String note) {
        return Value.object(Map.of("size", Value.string(size), "note", text(note)));
    }

    private static Value vlan(String cidr, String comment) {
        return Value.object(Map.of("cidr", Value.string(cidr), "comment", text(comment)));
    }

    private static Value chassis(String model, String colour, String... cards) {
        List<Value> slots = java.util.Arrays.stream(cards)
                .map(card -> Value.object(Map.of("card", Value.string(card))))
                .toList();
        return Value.object(Map.of(
                "model", Value.string(model),
                "colour", text(colour),
                "slot", Value.list(RackProvider.SLOT.impliedType(), slots)));
    }

    private static Value text(String text) {
        return text == null ? Value.nullOf(Type.STRING) : Value.string(text);
    }

    /** A rack's configuration: one port unless told otherwise, no other blocks. */
    private record RackConfig(Map<String, Value> blocks) {

        RackConfig with(String block, Value value) {
            Map<String, Value> all = new HashMap<>(blocks);
            all.put(block, value);
            return new RackConfig(all);
        }

        RackConfig ports(Value... ports) {
            return with("port", Value.list(RackProvider.PORT.impliedType(), List.of(ports)));
        }

        RackConfig disks(Value... disks) {
            return with("disk", Value.set(RackProvider.DISK.impliedType(), List.of(disks)));
        }

        RackConfig vlans(Map<String, Value> vlans) {
            return with("vlan", Value.map(RackProvider.VLAN.impliedType(), vlans));
        }

        RackConfig chassis(Value chassis) {
            return with("chassis", chassis);
        }

        RackConfig power(String... volts) {
            List<Value> feeds = java.util.Arrays.stream(volts)
                    .map(v -> Value.object(Map.of("volts", Value.string(v))))
                    .toList();
            return with("power", Value.list(RackProvider.POWER.impliedType(), feeds));
        }

        RackConfig noPower() {
            return with("power", Value.nullOf(Type.list(RackProvider.POWER.impliedType())));
        }

        Value config() {
            Map<String, Value> attributes = new HashMap<>();
            attributes.put("name", Value.string("rack"));
            attributes.put("id", Value.nullOf(Type.STRING));
            attributes.put("port", Value.list(RackProvider.PORT.impliedType(), List.of(port("1", null))));
            attributes.put("disk", Value.nullOf(Type.set(RackProvider.DISK.impliedType())));
            attributes.put("vlan", Value.nullOf(Type.map(RackProvider.VLAN.impliedType())));
            attributes.put("chassis", Value.nullOf(RackProvider.CHASSIS.impliedType()));
            attributes.put("power", Value.nullOf(Type.list(RackProvider.POWER.impliedType())));
            attributes.putAll(blocks);
            return Value.object(attributes);
        }
    }
}
