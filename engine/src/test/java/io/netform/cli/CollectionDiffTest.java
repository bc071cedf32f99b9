package io.netform.cli;

import static io.netform.plan.PlanFixtures.SECRET_PREFIX;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.PlanFixtures;
import io.netform.plan.ResourceChange;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sets, object attributes, map- and set-nested blocks, and replacement forced by a whole block. */
class CollectionDiffTest {

    private static final Type OWNER = Type.object(Map.of("name", Type.STRING, "email", Type.STRING));
    private static final SchemaBlock RULE = new SchemaBlock(
            Map.of("action", attr("action", Type.STRING), "sources", attr("sources", Type.set(Type.STRING))),
            Map.of(),
            "",
            false);
    private static final SchemaBlock PORT =
            new SchemaBlock(Map.of("number", attr("number", Type.NUMBER)), Map.of(), "", false);
    private static final SchemaBlock GROUP = new SchemaBlock(
            Map.of(
                    "name", attr("name", Type.STRING),
                    "members", attr("members", Type.set(Type.STRING)),
                    "owner", attr("owner", OWNER),
                    "weights", attr("weights", Type.tuple(Type.NUMBER, Type.NUMBER))),
            Map.of(
                    "rule",
                    new NestedBlock("rule", Nesting.SET, RULE, 0, 0),
                    "port",
                    new NestedBlock("port", Nesting.MAP, PORT, 0, 0)),
            "",
            false);

    private static SchemaAttribute attr(String name, Type type) {
        return SchemaAttribute.of(name, type).optional();
    }

    private static Value set(String... items) {
        return Value.set(Type.STRING, List.of(items).stream().map(Value::string).toList());
    }

    private static Value rules(Value... rules) {
        return Value.set(RULE.impliedType(), List.of(rules));
    }

    private static Value rule(String action, String... sources) {
        return object(RULE, "action", s(action), "sources", set(sources));
    }

    private static Value ports(Map<String, Integer> numbers) {
        Map<String, Value> blocks = new java.util.TreeMap<>();
        numbers.forEach((k, n) -> blocks.put(k, object(PORT, "number", Value.number(n))));
        return Value.map(PORT.impliedType(), blocks);
    }

    private static Value owner(String name, String email) {
        return Value.object(Map.of("name", s(name), "email", s(email)));
    }

    private static String render(ResourceChange change) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        String text =
                PlanRenderer.render(PlanFixtures.plan(List.of(change)), c -> GROUP, new Ui(discard, discard, false));
        assertThat(text).doesNotContain(SECRET_PREFIX);
        return text;
    }

    @Test
    void setsObjectsTuplesAndKeyedBlocksAreDiffedByElement() {
        Value before = object(
                GROUP,
                "name",
                s("web"),
                "members",
                set("a", "b", "c"),
                "owner",
                owner("net", "net@example.com"),
                "weights",
                Value.tuple(Value.number(1), Value.number(2)),
                "rule",
                rules(rule("ALLOW", "10.0.0.0/8"), rule("DROP", "0.0.0.0/0")),
                "port",
                ports(Map.of("http", 80, "https", 443)));
        Value after = object(
                GROUP,
                "name",
                s("web"),
                "members",
                set("a", "c", "d"),
                "owner",
                owner("platform", "net@example.com"),
                "weights",
                Value.tuple(Value.number(1), Value.number(new java.math.BigDecimal("2.5"))),
                "rule",
                rules(rule("ALLOW", "10.0.0.0/8", "192.168.0.0/16"), rule("DROP", "0.0.0.0/0")),
                "port",
                ports(Map.of("https", 8443, "ssh", 22)));
        String text = render(
                PlanFixtures.change("nsxt_policy_group.web", Action.UPDATE, ActionReason.NONE, GROUP, before, after));
        Golden.assertMatches("collections.txt", text);
    }

    @Test
    void aBlockThatForcesReplacementMarksEveryLineOfIt() {
        Value before = object(GROUP, "name", s("web"), "rule", rules(rule("ALLOW", "10.0.0.0/8")));
        Value after = object(GROUP, "name", s("web"), "rule", rules(rule("DROP", "10.0.0.0/8")));
        String text = render(PlanFixtures.change(
                "nsxt_policy_group.web",
                Action.DELETE_THEN_CREATE,
                ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE,
                GROUP,
                before,
                after,
                AttributePath.of("rule")));
        Golden.assertMatches("replace-block.txt", text);
        assertThat(text).contains("- rule { # forces replacement", "+ rule { # forces replacement");
    }
}
