package io.netform.cli;

import static io.netform.plan.PlanFixtures.SEGMENT;
import static io.netform.plan.PlanFixtures.TIER0;
import static io.netform.plan.PlanFixtures.nullOf;
import static io.netform.plan.PlanFixtures.object;
import static io.netform.plan.PlanFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.plan.Action;
import io.netform.plan.ActionReason;
import io.netform.plan.PlanFixtures;
import io.netform.plan.ResourceChange;
import io.netform.wire.SchemaBlock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The comment lines above each change say what happens and, where Terraform does, why. */
class ChangeHeadlineTest {

    static Stream<Arguments> headlines() {
        return Stream.of(
                Arguments.of(
                        "nsxt_policy_segment.web",
                        null,
                        Action.DELETE_THEN_CREATE,
                        ActionReason.REPLACE_BY_REQUEST,
                        "  # nsxt_policy_segment.web will be replaced, as requested"),
                Arguments.of(
                        "nsxt_policy_segment.web",
                        null,
                        Action.CREATE_THEN_DELETE,
                        ActionReason.REPLACE_BY_TRIGGERS,
                        "  # nsxt_policy_segment.web will be replaced due to changes in replace_triggered_by"),
                Arguments.of(
                        "nsxt_policy_segment.web[\"a\"]",
                        null,
                        Action.DELETE,
                        ActionReason.DELETE_BECAUSE_EACH_KEY,
                        "  # nsxt_policy_segment.web[\"a\"] will be destroyed\n"
                                + "  # (because key [\"a\"] is not in for_each map)"),
                Arguments.of(
                        "nsxt_policy_segment.web[0]",
                        null,
                        Action.DELETE,
                        ActionReason.DELETE_BECAUSE_WRONG_REPETITION,
                        "  # nsxt_policy_segment.web[0] will be destroyed\n"
                                + "  # (because resource does not use count)"),
                Arguments.of(
                        "nsxt_policy_segment.web",
                        null,
                        Action.DELETE,
                        ActionReason.DELETE_BECAUSE_WRONG_REPETITION,
                        "  # nsxt_policy_segment.web will be destroyed\n"
                                + "  # (because resource uses count or for_each)"),
                Arguments.of(
                        "module.net.nsxt_policy_segment.web",
                        null,
                        Action.DELETE,
                        ActionReason.DELETE_BECAUSE_NO_MODULE,
                        "  # module.net.nsxt_policy_segment.web will be destroyed\n"
                                + "  # (because module.net is not in configuration)"),
                Arguments.of(
                        "nsxt_policy_segment.web",
                        "0a1b2c3d",
                        Action.DELETE,
                        ActionReason.NONE,
                        "  # nsxt_policy_segment.web (deposed object 0a1b2c3d) will be destroyed\n"
                                + "  # (left over from a partially-failed replacement of this instance)"),
                Arguments.of(
                        "data.nsxt_policy_tier0_gateway.t0",
                        null,
                        Action.READ,
                        ActionReason.READ_BECAUSE_DEPENDENCY_PENDING,
                        "  # data.nsxt_policy_tier0_gateway.t0 will be read during apply\n"
                                + "  # (depends on a resource or a module with changes pending)"));
    }

    @ParameterizedTest
    @MethodSource("headlines")
    void saysWhatHappensAndWhy(String address, String deposed, Action action, ActionReason reason, String expected) {
        SchemaBlock schema = address.startsWith("data.") ? TIER0 : SEGMENT;
        boolean removes = action == Action.DELETE;
        ResourceChange change = new ResourceChange(
                AddressParser.parseInstance(address),
                deposed,
                PlanFixtures.PROVIDER,
                action,
                reason,
                schema.impliedType(),
                action == Action.READ ? nullOf(schema) : object(schema, "id", s("one")),
                removes ? nullOf(schema) : object(schema, "id", s("two")),
                List.of(),
                null);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        String text = PlanRenderer.render(
                PlanFixtures.plan(List.of(change)),
                Map.of(PlanFixtures.NSXT, PlanFixtures.SCHEMA),
                new Ui(discard, discard, false));
        assertThat(text).contains("\n" + expected + "\n");
    }
}
