package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateEditsTest {

    private static State state(String... addresses) {
        WorkingState working = new WorkingState(State.empty("0.1.0"));
        for (String a : addresses) {
            working.apply(LocalStateFileTest.put(a, a));
        }
        return working.snapshot();
    }

    private static List<String> addresses(State state) {
        List<String> out = new ArrayList<>();
        state.resources()
                .values()
                .forEach(r -> r.instances()
                        .forEach(o -> out.add(r.address().instance(o.key()) + "="
                                + o.attributes().path("name").asText())));
        return out;
    }

    @Test
    void movesAResourceWithAllItsInstancesKeepingTheirObjects() {
        State before = state("testing_object.a[0]", "testing_object.a[1]", "testing_object.b");
        StateEdits.Moved moved = StateEdits.move(
                before, AddressParser.parse("testing_object.a"), AddressParser.parse("testing_object.c"));
        assertThat(addresses(moved.state()))
                .containsExactly(
                        "testing_object.b=testing_object.b",
                        "testing_object.c[0]=testing_object.a[0]",
                        "testing_object.c[1]=testing_object.a[1]");
        assertThat(moved.moves().values())
                .extracting(ResourceInstance::toString)
                .containsExactly("testing_object.c[0]", "testing_object.c[1]");
        assertThat(moved.state().lineage()).isEqualTo(before.lineage());
    }

    @Test
    void movesModulesIntoOtherModulesAndUnkeyedInstancesToKeys() {
        State before = state("module.a.module.b.testing_object.x", "testing_object.y");
        State modules = StateEdits.move(before, AddressParser.parse("module.a"), AddressParser.parse("module.z[\"k\"]"))
                .state();
        assertThat(addresses(modules))
                .contains("module.z[\"k\"].module.b.testing_object.x=" + "module.a.module.b.testing_object.x");
        State keyed = StateEdits.move(
                        before,
                        AddressParser.parse("testing_object.y"),
                        AddressParser.parse("testing_object.y[\"one\"]"))
                .state();
        assertThat(addresses(keyed)).contains("testing_object.y[\"one\"]=testing_object.y");
    }

    @Test
    void refusesMovesThatWouldLoseOrMixObjects() {
        State before = state("testing_object.a[0]", "testing_object.a[1]");
        assertThatThrownBy(() -> StateEdits.move(
                        before, AddressParser.parse("testing_object.a[0]"), AddressParser.parse("testing_object.a[1]")))
                .hasMessageContaining("Cannot move to testing_object.a[1]: there is already a resource instance");
        assertThatThrownBy(() -> StateEdits.move(
                        before, AddressParser.parse("testing_object.nope"), AddressParser.parse("testing_object.b")))
                .hasMessageContaining("Cannot move testing_object.nope: does not match anything");
        assertThatThrownBy(() -> StateEdits.move(
                        before, AddressParser.parse("testing_object.a"), AddressParser.parse("other_thing.a")))
                .hasMessageContaining("same resource type (testing_object)");
        assertThatThrownBy(() -> StateEdits.move(
                        before, AddressParser.parse("module.m"), AddressParser.parse("testing_object.a")))
                .hasMessageContaining("a module can only move to another module address");
    }

    @Test
    void aSwapWithinOneMoveIsAllowed() {
        State before = state("module.a.testing_object.x", "module.b.testing_object.x");
        State moved = StateEdits.move(before, AddressParser.parse("module.a"), AddressParser.parse("module.c"))
                .state();
        assertThat(addresses(moved))
                .containsExactly(
                        "module.b.testing_object.x=module.b.testing_object.x",
                        "module.c.testing_object.x=module.a.testing_object.x");
    }

    @Test
    void removesWhatAnAddressCoversAndFailsWhenItCoversNothing() {
        State before = state("testing_object.a[0]", "testing_object.a[1]", "module.m.testing_object.b");
        StateEdits.Removed removed = StateEdits.remove(before, AddressParser.parse("module.m"));
        assertThat(addresses(removed.state()))
                .containsExactly("testing_object.a[0]=testing_object.a[0]", "testing_object.a[1]=testing_object.a[1]");
        assertThat(removed.removed())
                .extracting(ResourceInstance::toString)
                .containsExactly("module.m.testing_object.b");
        assertThatThrownBy(() -> StateEdits.remove(before, AddressParser.parse("testing_object.a[7]")))
                .isInstanceOf(StateEdits.EditException.class)
                .hasMessageContaining("No matching objects found");
    }
}
