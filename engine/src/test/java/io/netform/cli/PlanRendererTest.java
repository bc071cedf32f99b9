package io.netform.cli;

import static io.netform.plan.PlanFixtures.SECRET_PREFIX;
import static io.netform.plan.PlanFixtures.SEGMENT;
import static io.netform.plan.PlanFixtures.SUBNET;
import static io.netform.plan.PlanFixtures.TIER0;
import static io.netform.plan.PlanFixtures.advanced;
import static io.netform.plan.PlanFixtures.change;
import static io.netform.plan.PlanFixtures.nullOf;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.plan;
import static io.netform.plan.PlanFixtures.s;
import static io.netform.plan.PlanFixtures.secret;
import static io.netform.plan.PlanFixtures.stringMap;
import static io.netform.plan.PlanFixtures.strings;
import static io.netform.plan.PlanFixtures.subnet;
import static io.netform.plan.PlanFixtures.subnets;
import static io.netform.plan.PlanFixtures.unknownString;
import static org.assertj.core.api.Assertions.assertThat;

import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.OutputChange;
import io.netform.plan.Plan;
import io.netform.plan.PlanFixtures;
import io.netform.plan.ResourceChange;
import io.netform.value.AttributePath;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRendererTest {

    private static final Ui PLAIN = ui(false);
    private static final Ui COLOURED = ui(true);

    private static Ui ui(boolean colour) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        return new Ui(discard, discard, colour);
    }

    /** Renders without colour and checks that no secret of the fixtures made it into the text. */
    private static String render(Plan plan) {
        return render(plan, PLAIN);
    }

    private static String render(Plan plan, Ui ui) {
        String text = PlanRenderer.render(plan, Map.of(PlanFixtures.NSXT, PlanFixtures.SCHEMA), ui);
        assertThat(text).doesNotContain(SECRET_PREFIX);
        return text;
    }

    private static Value webSegment() {
        return object(
                SEGMENT,
                "id",
                s("seg-web"),
                "display_name",
                s("web"),
                "description",
                s("web tier"),
                "path",
                s("/infra/segments/seg-web"),
                "transport_zone_path",
                s("/infra/sites/default/tz/overlay"),
                "vlan_ids",
                strings("100", "200", "300", "400"),
                "labels",
                stringMap("env", "dev", "team", "net", "tier", "web"),
                "mtu",
                Value.number(1500),
                "overlay",
                Value.TRUE,
                "admin_password",
                secret("segment-password"),
                "subnet",
                subnets(subnet("10.0.1.1/24", "10.0.1.100-10.0.1.200"), subnet("10.0.2.1/24")),
                "advanced_config",
                advanced("ON", false));
    }

    @Test
    void createShowsEveryAttributeWithUnknownsAndSensitiveValuesRedacted() {
        Value after = object(
                SEGMENT,
                "id",
                unknownString(),
                "display_name",
                s("web"),
                "path",
                unknownString(),
                "transport_zone_path",
                s("/infra/sites/default/tz/overlay"),
                "vlan_ids",
                strings("100", "200"),
                "labels",
                stringMap("env", "dev", "team", "net"),
                "mtu",
                Value.number(1500),
                "overlay",
                Value.TRUE,
                "admin_password",
                secret("create"),
                "subnet",
                subnets(subnet("10.0.1.1/24", "10.0.1.100-10.0.1.200")),
                "advanced_config",
                advanced("ON", false));
        Plan plan = plan(List.of(
                change("nsxt_policy_segment.web", Action.CREATE, ActionReason.NONE, SEGMENT, nullOf(SEGMENT), after)));
        Golden.assertMatches("create.txt", render(plan));
    }

    @Test
    void updateShowsOnlyWhatChangesAndCountsTheRest() {
        Value before = webSegment();
        Value after = object(
                SEGMENT,
                "id",
                s("seg-web"),
                "display_name",
                s("web"),
                "description",
                s("web tier, public"),
                "path",
                s("/infra/segments/seg-web"),
                "transport_zone_path",
                s("/infra/sites/default/tz/overlay"),
                "vlan_ids",
                strings("100", "200", "250", "300", "400"),
                "labels",
                stringMap("env", "prod", "owner", "platform", "tier", "web"),
                "mtu",
                Value.number(9000),
                "overlay",
                Value.TRUE,
                "admin_password",
                secret("segment-password"),
                "subnet",
                subnets(subnet("10.0.1.1/24", "10.0.1.100-10.0.1.250"), subnet("10.0.2.1/24")),
                "advanced_config",
                advanced("ON", false));
        Plan plan = plan(
                List.of(change("nsxt_policy_segment.web", Action.UPDATE, ActionReason.NONE, SEGMENT, before, after)));
        String text = render(plan);
        Golden.assertMatches("update.txt", text);
        assertThat(text)
                .contains("# (5 unchanged attributes hidden)", "# (2 unchanged blocks hidden)")
                .doesNotContain("admin_password");
    }

    @Test
    void replaceMarksTheAttributeThatForcesIt() {
        Value before = webSegment();
        Value after = object(
                SEGMENT,
                "id",
                unknownString(),
                "display_name",
                s("web"),
                "description",
                s("web tier"),
                "path",
                unknownString(),
                "transport_zone_path",
                s("/infra/sites/default/tz/vlan"),
                "vlan_ids",
                strings("100", "200", "300", "400"),
                "labels",
                stringMap("env", "dev", "team", "net", "tier", "web"),
                "mtu",
                Value.number(1500),
                "overlay",
                Value.TRUE,
                "admin_password",
                secret("segment-password"),
                "subnet",
                subnets(subnet("10.0.1.1/24", "10.0.1.100-10.0.1.200"), subnet("10.0.2.1/24")),
                "advanced_config",
                advanced("ON", false));
        ResourceChange replace = change(
                "nsxt_policy_segment.web",
                Action.DELETE_THEN_CREATE,
                ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE,
                SEGMENT,
                before,
                after,
                AttributePath.of("transport_zone_path"));
        ResourceChange tainted = change(
                "nsxt_policy_segment.db",
                Action.CREATE_THEN_DELETE,
                ActionReason.REPLACE_BECAUSE_TAINTED,
                SEGMENT,
                object(SEGMENT, "id", s("seg-db"), "display_name", s("db")),
                object(SEGMENT, "id", unknownString(), "display_name", s("db")));
        String text = render(plan(List.of(replace, tainted)));
        Golden.assertMatches("replace.txt", text);
        assertThat(text)
                .contains("transport_zone_path = \"/infra/sites/default/tz/overlay\" -> "
                        + "\"/infra/sites/default/tz/vlan\" # forces replacement");
    }

    @Test
    void destroyShowsTheOldValuesGoingToNullAndWhy() {
        ResourceChange gone = change(
                "nsxt_policy_segment.web",
                Action.DELETE,
                ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG,
                SEGMENT,
                webSegment(),
                nullOf(SEGMENT));
        ResourceChange shrunk = change(
                "nsxt_policy_segment.ns[2]",
                Action.DELETE,
                ActionReason.DELETE_BECAUSE_COUNT_INDEX,
                SEGMENT,
                object(SEGMENT, "id", s("seg-ns-2"), "display_name", s("ns-2")),
                nullOf(SEGMENT));
        String text = render(plan(List.of(gone, shrunk)));
        Golden.assertMatches("destroy.txt", text);
        assertThat(text).contains("Plan: 0 to add, 0 to change, 2 to destroy.");
    }

    @Test
    void dataSourceReadDuringApplySaysWhy() {
        Value after = object(TIER0, "id", unknownString(), "display_name", s("t0-edge"), "path", unknownString());
        ResourceChange read = change(
                "data.nsxt_policy_tier0_gateway.t0",
                Action.READ,
                ActionReason.READ_BECAUSE_CONFIG_UNKNOWN,
                TIER0,
                nullOf(TIER0),
                after);
        Golden.assertMatches("read.txt", render(plan(List.of(read))));
    }

    @Test
    void outputChangesAreListedWithSensitiveOnesRedacted() {
        Plan plan = plan(
                List.of(),
                new OutputChange("segment_path", Action.CREATE, Value.nullOf(Type.DYNAMIC), unknownString(), false),
                new OutputChange(
                        "cidrs", Action.UPDATE, strings("10.0.1.0/24"), strings("10.0.1.0/24", "10.0.2.0/24"), false),
                new OutputChange("old_name", Action.DELETE, s("legacy"), Value.nullOf(Type.DYNAMIC), false),
                new OutputChange("admin_password", Action.UPDATE, secret("old"), secret("new"), true),
                new OutputChange("unchanged", Action.NO_OP, s("same"), s("same"), false));
        String text = render(plan);
        Golden.assertMatches("outputs.txt", text);
        assertThat(text).doesNotContain("unchanged =").doesNotContain("Plan:");
    }

    @Test
    void sensitiveValuesNeverAppearEvenInsideStructures() {
        Value listWithSecret = Value.list(Type.STRING, List.of(s("a"), secret("in-list")));
        Value mapWithSecret = Value.map(Type.STRING, Map.of("plain", s("p"), "key", secret("in-map")));
        Value before = object(
                SEGMENT,
                "id",
                s("seg-1"),
                "display_name",
                s("one"),
                "vlan_ids",
                strings("a"),
                "labels",
                stringMap("plain", "p"),
                "admin_password",
                secret("before"),
                "description",
                s("plain text"),
                "subnet",
                subnets(subnet("10.0.0.1/24")));
        Value after = object(
                SEGMENT,
                "id",
                s("seg-1"),
                "display_name",
                s("one"),
                "vlan_ids",
                listWithSecret,
                "labels",
                mapWithSecret,
                "admin_password",
                secret("after"),
                "description",
                secret("now-secret"),
                "subnet",
                Value.list(
                        SUBNET.impliedType(),
                        List.of(object(SUBNET, "cidr", secret("cidr"), "dhcp_ranges", strings()))),
                "advanced_config",
                advanced(SECRET_PREFIX + "mode", true).mark(Mark.SENSITIVE));
        ResourceChange update =
                change("nsxt_policy_segment.one", Action.UPDATE, ActionReason.NONE, SEGMENT, before, after);
        ResourceChange create = change(
                "nsxt_policy_segment.two",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(
                        SEGMENT,
                        "display_name",
                        s("two"),
                        "labels",
                        Value.map(Type.STRING, Map.of("token", s(SECRET_PREFIX + "whole-map")))
                                .mark(Mark.SENSITIVE)));
        Plan plan = plan(
                List.of(update, create),
                new OutputChange("token", Action.CREATE, Value.nullOf(Type.DYNAMIC), secret("output"), true));
        String text = render(plan);
        Golden.assertMatches("sensitive.txt", text);
        assertThat(render(plan, COLOURED)).doesNotContain(SECRET_PREFIX);
        assertThat(text).contains("(sensitive value)", "will be marked as sensitive");
    }

    @Test
    void unknownValuesInsideCollectionsAndWholeCollections() {
        Value before = object(
                SEGMENT,
                "id",
                s("seg-1"),
                "display_name",
                s("one"),
                "vlan_ids",
                strings("10", "20"),
                "labels",
                stringMap("env", "dev"));
        Value after = object(
                SEGMENT,
                "id",
                s("seg-1"),
                "display_name",
                s("one"),
                "vlan_ids",
                Value.unknown(Type.list(Type.STRING)),
                "labels",
                Value.map(Type.STRING, Map.of("env", s("dev"), "zone", unknownString())),
                "description",
                unknownString());
        ResourceChange update =
                change("nsxt_policy_segment.one", Action.UPDATE, ActionReason.NONE, SEGMENT, before, after);
        Golden.assertMatches("unknowns.txt", render(plan(List.of(update))));
    }

    @Test
    void multiLineStringsAreWrittenAsHeredocsAndDiffedByLine() {
        Value before = object(
                SEGMENT, "id", s("seg-1"), "display_name", s("one"), "script", s("#!/bin/sh\necho start\nexit 0\n"));
        Value after = object(
                SEGMENT,
                "id",
                s("seg-1"),
                "display_name",
                s("one"),
                "script",
                s("#!/bin/sh\necho start\necho more\nexit 0\n"));
        ResourceChange update =
                change("nsxt_policy_segment.one", Action.UPDATE, ActionReason.NONE, SEGMENT, before, after);
        ResourceChange create = change(
                "nsxt_policy_segment.two",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "display_name", s("two"), "script", s("line one\nline \"two\"")));
        Golden.assertMatches("heredoc.txt", render(plan(List.of(update, create))));
    }

    @Test
    void noChangesSaysSoAndHidesNoOpResources() {
        ResourceChange same =
                change("nsxt_policy_segment.web", Action.NO_OP, ActionReason.NONE, SEGMENT, webSegment(), webSegment());
        String text = render(plan(List.of(same)));
        assertThat(text).isEqualTo("""

                No changes. Your infrastructure matches the configuration.

                Netform has compared your real infrastructure against your configuration and
                found no differences, so no changes are needed.
                """);
        assertThat(render(plan(Plan.Mode.DESTROY, List.of(), List.of())))
                .contains("No changes. No objects need to be destroyed.");
    }

    @Test
    void driftIsShownBeforeThePlanWhenThePlanChangesSomething() {
        Value before = object(SEGMENT, "id", s("seg-1"), "display_name", s("one"), "mtu", Value.number(1500));
        Value drifted = object(SEGMENT, "id", s("seg-1"), "display_name", s("one"), "mtu", Value.number(1400));
        ResourceChange drift =
                change("nsxt_policy_segment.one", Action.UPDATE, ActionReason.NONE, SEGMENT, before, drifted);
        ResourceChange deleted = change(
                "nsxt_policy_segment.two",
                Action.DELETE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-2"), "display_name", s("two")),
                nullOf(SEGMENT));
        ResourceChange fix =
                change("nsxt_policy_segment.one", Action.UPDATE, ActionReason.NONE, SEGMENT, drifted, before);
        String text = render(plan(Plan.Mode.NORMAL, List.of(fix), List.of(drift, deleted)));
        Golden.assertMatches("drift.txt", text);
        assertThat(render(plan(Plan.Mode.NORMAL, List.of(), List.of(drift))))
                .doesNotContain("changed outside")
                .contains("No changes.");
    }

    @Test
    void colourMarksActionsOnlyWhenTheUiHasColour() {
        Value after = object(SEGMENT, "display_name", s("web"), "id", unknownString());
        ResourceChange create =
                change("nsxt_policy_segment.web", Action.CREATE, ActionReason.NONE, SEGMENT, nullOf(SEGMENT), after);
        ResourceChange delete = change(
                "nsxt_policy_segment.old",
                Action.DELETE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "display_name", s("old")),
                nullOf(SEGMENT));
        Plan plan = plan(List.of(create, delete));
        String coloured = render(plan, COLOURED);
        String plain = render(plan, PLAIN);
        Golden.assertMatches("colour.txt", coloured);
        assertThat(plain).doesNotContain("\u001b[");
        assertThat(coloured).contains("\u001b[32m+\u001b[0m", "\u001b[31m-\u001b[0m", "\u001b[1mPlan:\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void changesAreOrderedByAddressTextWhateverTheirOrderInThePlan() {
        ResourceChange b = change(
                "nsxt_policy_segment.b",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "display_name", s("b")));
        ResourceChange a = change(
                "module.net.nsxt_policy_segment.a",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "display_name", s("a")));
        ResourceChange c = change(
                "nsxt_policy_segment.a",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "display_name", s("c")));
        String text = render(plan(List.of(b, a, c)));
        assertThat(text.indexOf("# module.net.nsxt_policy_segment.a will"))
                .isLessThan(text.indexOf("# nsxt_policy_segment.a will"));
        assertThat(text.indexOf("# nsxt_policy_segment.a will"))
                .isLessThan(text.indexOf("# nsxt_policy_segment.b will"));
    }

    @Test
    void refreshOnlyPlansShowTheDriftAndSayNothingWillBeUndone() {
        ResourceChange drift = change(
                "nsxt_policy_segment.one",
                Action.UPDATE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-1"), "mtu", Value.number(1500)),
                object(SEGMENT, "id", s("seg-1"), "mtu", Value.number(1400)));
        String text = render(plan(Plan.Mode.REFRESH_ONLY, List.of(), List.of(drift)));
        assertThat(text)
                .contains(
                        "Note: Objects have changed outside of Netform",
                        "~ mtu = 1500 -> 1400",
                        "This is a refresh-only plan, so Netform will not take any actions")
                .doesNotContain("No changes.");
        assertThat(render(plan(Plan.Mode.REFRESH_ONLY, List.of(), List.of())))
                .contains("No changes. Your infrastructure still matches the configuration.");
    }

    @Test
    void anErroredPlanSaysItStoppedOnAProblem() {
        ResourceChange create = change(
                "nsxt_policy_segment.web",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "display_name", s("web")));
        Plan ok = plan(List.of(create));
        Plan failed =
                new Plan(ok.mode(), ok.changes(), ok.drift(), ok.outputs(), ok.priorState(), ok.variables(), true);
        assertThat(render(failed)).contains("Netform planned the following actions, but then encountered a problem:");
        Plan failedEmpty = new Plan(ok.mode(), List.of(), List.of(), Map.of(), ok.priorState(), Map.of(), true);
        assertThat(render(failedEmpty))
                .isEqualTo("\nPlanning failed. Netform encountered an error while generating this plan.\n\n");
    }

    @Test
    void stringsHoldingJsonAreDiffedAsJson() {
        String policy = "{\"rules\":[{\"action\":\"ALLOW\",\"ports\":[80,443]}],\"name\":\"web\",\"id\":\"p1\"}";
        String changed = "{\"rules\":[{\"action\":\"ALLOW\",\"ports\":[80,8443]}],\"name\":\"web\",\"id\":\"p1\"}";
        ResourceChange update = change(
                "nsxt_policy_segment.policy",
                Action.UPDATE,
                ActionReason.NONE,
                SEGMENT,
                object(
                        SEGMENT,
                        "id",
                        s("seg-1"),
                        "description",
                        s(policy),
                        "script",
                        s("[1, 2]"),
                        "display_name",
                        s("plain")),
                object(
                        SEGMENT,
                        "id",
                        s("seg-1"),
                        "description",
                        s(changed),
                        "script",
                        s("[1,2]"),
                        "display_name",
                        s("{\"now\":\"json\"}")));
        ResourceChange create = change(
                "nsxt_policy_segment.created",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(SEGMENT, "description", s("{\"a\":1}"), "script", s("{not json")));
        String text = render(plan(List.of(update, create)));
        Golden.assertMatches("json-strings.txt", text);
        assertThat(text).contains("# whitespace changes", "\"{not json\"");
    }

    @Test
    void printWritesTheSameTextAsRenderWhenThePlanSpansManyParts() {
        List<ResourceChange> changes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            changes.add(change(
                    "nsxt_policy_segment.web[" + i + "]",
                    Action.CREATE,
                    ActionReason.NONE,
                    SEGMENT,
                    nullOf(SEGMENT),
                    webSegment()));
        }
        Plan plan = plan(changes);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        PlanRenderer.print(plan, c -> SEGMENT, PLAIN, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String text = render(plan);
        assertThat(text).hasSizeGreaterThan(4 * (1 << 16));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(text)
                .contains("nsxt_policy_segment.web[999] will be created")
                .endsWith("1000 to add, 0 to change, 0 to destroy.\n");
    }
}
