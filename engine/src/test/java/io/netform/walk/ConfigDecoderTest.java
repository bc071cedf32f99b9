package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.JsonSyntax;
import io.netform.lang.Evaluation;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDecoderTest {

    static final SchemaBlock SUBNET = new SchemaBlock(
            Map.of(
                    "cidr", SchemaAttribute.of("cidr", Type.STRING).required(),
                    "dhcp_ranges",
                            SchemaAttribute.of("dhcp_ranges", Type.list(Type.STRING))
                                    .optional()),
            Map.of(),
            "",
            false);
    static final SchemaBlock SEGMENT = new SchemaBlock(
            Map.of(
                    "display_name",
                            SchemaAttribute.of("display_name", Type.STRING).required(),
                    "vlan_ids",
                            SchemaAttribute.of("vlan_ids", Type.list(Type.NUMBER))
                                    .optional(),
                    "path", SchemaAttribute.of("path", Type.STRING).computed()),
            Map.of(
                    "subnet",
                    new NestedBlock("subnet", Nesting.LIST, SUBNET, 0, 3),
                    "advanced_config",
                    new NestedBlock(
                            "advanced_config",
                            Nesting.SINGLE,
                            new SchemaBlock(
                                    Map.of(
                                            "connectivity",
                                            SchemaAttribute.of("connectivity", Type.STRING)
                                                    .optional()),
                                    Map.of(),
                                    "",
                                    false),
                            0,
                            1)),
            "",
            false);

    static final Scope SCOPE = Scope.of(
            Map.of(
                    "var",
                    Value.object(Map.of(
                            "cidrs",
                                    Value.list(
                                            Type.STRING,
                                            List.of(Value.string("10.0.1.1/24"), Value.string("10.0.2.1/24"))),
                            "secret", Value.string("s").mark(Mark.SENSITIVE),
                            "later", Value.unknown(Type.list(Type.STRING))))),
            Functions.NONE);

    static Evaluation decode(String hcl) {
        var parsed = HclParser.parseFile("main.tf", hcl);
        assertThat(parsed.diagnostics()).isEmpty();
        Body body = parsed.value();
        return ConfigDecoder.decode(body, SEGMENT, SCOPE);
    }

    static List<String> errors(Evaluation e) {
        return e.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.subject() + ": " + d.summary() + ": " + d.detail())
                .toList();
    }

    @Test
    void buildsTheObjectOfTheSchema() {
        Evaluation e = decode("""
                display_name = var.secret
                vlan_ids     = ["100", 200]
                subnet {
                  cidr = "10.0.0.1/24"
                }
                dynamic "subnet" {
                  for_each = var.cidrs
                  content {
                    cidr = subnet.value
                  }
                }
                """);
        assertThat(errors(e)).isEmpty();
        Value v = e.value();
        assertThat(v.getAttr("display_name").isSensitive()).isTrue();
        assertThat(v.getAttr("vlan_ids"))
                .isEqualTo(Value.list(Type.NUMBER, List.of(Value.number(100), Value.number(200))));
        assertThat(v.getAttr("path").isNull()).isTrue();
        assertThat(v.getAttr("subnet").elements())
                .extracting(s -> s.getAttr("cidr").asString())
                .containsExactly("10.0.0.1/24", "10.0.1.1/24", "10.0.2.1/24");
        assertThat(v.getAttr("subnet").elements().get(0).getAttr("dhcp_ranges").isNull())
                .isTrue();
        assertThat(v.getAttr("advanced_config").isNull()).isTrue();
        assertThat(v.type()).isEqualTo(SEGMENT.impliedType());
    }

    @Test
    void staticAndDynamicBlocksKeepTheirSourceOrderAsHclExpandsThemInPlace() {
        Evaluation e = decode("""
                display_name = "x"
                dynamic "subnet" {
                  for_each = var.cidrs
                  content {
                    cidr = subnet.value
                  }
                }
                subnet {
                  cidr = "10.9.0.1/24"
                }
                """);
        assertThat(errors(e)).isEmpty();
        assertThat(e.value().getAttr("subnet").elements())
                .extracting(s -> s.getAttr("cidr").asString())
                .containsExactly("10.0.1.1/24", "10.0.2.1/24", "10.9.0.1/24");
    }

    @Test
    void aDynamicBlockOverAnUnknownCollectionMakesTheBlocksUnknown() {
        Evaluation e = decode("""
                display_name = "x"
                dynamic "subnet" {
                  for_each = var.later
                  iterator = s
                  content {
                    cidr = s.value
                  }
                }
                """);
        assertThat(errors(e)).isEmpty();
        assertThat(e.value().getAttr("subnet").isKnown()).isFalse();
    }

    @Test
    void reportsWhatDoesNotFitTheSchema() {
        Evaluation e = decode("""
                display_nme = "x"
                path = "/infra/x"
                vlan_ids = "nope"
                advanced_config = {}
                subnet {
                }
                subnet {
                  cidr = "a"
                }
                subnet {
                  cidr = "b"
                }
                subnet {
                  cidr = "c"
                }
                advanced_config {
                }
                advanced_config {
                }
                tags {
                }
                """);
        assertThat(errors(e))
                .containsExactlyInAnyOrder(
                        "main.tf:1:1: Unsupported argument: An argument named \"display_nme\" is not expected here. "
                                + "Did you mean \"display_name\"?",
                        "main.tf:2:1: Unsupported argument: An argument named \"path\" is not expected here: the provider "
                                + "sets it, and it cannot be configured.",
                        "main.tf:4:1: Unsupported argument: An argument named \"advanced_config\" is not expected here. "
                                + "Did you mean to define a block of type \"advanced_config\"?",
                        "main.tf:1:1: Missing required argument: The argument \"display_name\" is required, but no "
                                + "definition was found.",
                        "main.tf:3:12: Incorrect attribute value type: Inappropriate value for attribute \"vlan_ids\": "
                                + "list of number required.",
                        "main.tf:20:1: Unsupported block type: Blocks of type \"tags\" are not expected here.",
                        "main.tf:5:8: Missing required argument: The argument \"cidr\" is required, but no definition was "
                                + "found.",
                        "main.tf:13:1: Too many subnet blocks: No more than 3 \"subnet\" blocks are allowed.",
                        "main.tf:18:1: Duplicate advanced_config block: Only one \"advanced_config\" block is allowed. "
                                + "Another was defined at main.tf:16:1.");
    }

    @Test
    void aJsonBodyGetsItsNestedBlocksFromTheSchema() {
        var parsed = JsonSyntax.parseFile("main.tf.json", """
                {"resource": {"nsxt_policy_segment": {"web": {
                  "display_name": "web",
                  "subnet": [{"cidr": "10.0.0.1/24", "//": "first"}],
                  "dynamic": {"subnet": {"for_each": "${var.cidrs}", "content": {"cidr": "${subnet.value}"}}},
                  "advanced_config": {"connectivity": "OFF"}
                }}}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(parsed.diagnostics()).isEmpty();
        Evaluation e = ConfigDecoder.decode(parsed.value().blocks().get(0).body(), SEGMENT, SCOPE);
        assertThat(errors(e)).isEmpty();
        assertThat(e.value().getAttr("subnet").elements())
                .extracting(s -> s.getAttr("cidr").asString())
                .containsExactly("10.0.0.1/24", "10.0.1.1/24", "10.0.2.1/24");
        assertThat(e.value().getAttr("advanced_config").getAttr("connectivity")).isEqualTo(Value.string("OFF"));
        assertThat(e.value().type()).isEqualTo(SEGMENT.impliedType());
    }
}
