package io.netform.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The structure check itself must reject documents that break the format, or it proves nothing. */
class PlanJsonStructureTest {

    @Test
    void rejectsAnUnknownValueThatIsPresentInAfter() {
        assertThatThrownBy(() -> PlanJsonStructure.checkUnknownMirror(
                        StateFixtures.json("{'id':true}"), StateFixtures.json("{'id':'x'}"), "after"))
                .hasMessageContaining("after.id is unknown");
    }

    @Test
    void rejectsASensitiveMirrorOfAnotherLength() {
        assertThatThrownBy(() -> PlanJsonStructure.checkSensitiveMirror(
                        StateFixtures.json("{'ports':[false]}"), StateFixtures.json("{'ports':[1,2]}"), "before"))
                .hasMessageContaining("before.ports has as many elements as its mirror");
    }
}
