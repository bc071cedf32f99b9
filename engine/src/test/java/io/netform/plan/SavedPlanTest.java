package io.netform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Diagnostic;
import io.netform.state.State;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SavedPlanTest {

    private static final SavedPlan SAVED = PlanFixtures.savedPlan();
    private static final State PRIOR = SAVED.plan().priorState();

    private static List<String> problems(Map<String, String> config, String lock, State now, String version) {
        return SAVED.problemsApplying(config, lock, now, version).stream()
                .map(Diagnostic::summary)
                .toList();
    }

    private static List<String> problems(State now) {
        return problems(SAVED.configuration(), SAVED.lockFile(), now, SAVED.netformVersion());
    }

    @Test
    void aPlanMadeAgainstTheCurrentStateAndConfigurationCanBeApplied() {
        assertThat(problems(PRIOR)).isEmpty();
    }

    @Test
    void aStateWrittenSinceThePlanMakesItStale() {
        assertThat(problems(PRIOR.withSerial(PRIOR.serial() + 1))).containsExactly("Saved plan is stale");
    }

    @Test
    void aStateOfAnotherLineageDoesNotMatch() {
        State other = new State(
                PRIOR.terraformVersion(),
                PRIOR.serial(),
                "another-lineage",
                new TreeMap<>(PRIOR.outputs()),
                new TreeMap<>(PRIOR.resources()));
        assertThat(problems(other)).containsExactly("Saved plan does not match the given state");
    }

    @Test
    void aPlanMadeWithoutStateAppliesWhileThereIsStillNone() {
        SavedPlan fresh = new SavedPlan(
                new Plan(Plan.Mode.NORMAL, List.of(), List.of(), Map.of(), State.empty("0.1.0"), Map.of(), false),
                List.of(),
                Map.of(),
                "",
                "0.1.0",
                SAVED.timestamp());
        assertThat(fresh.problemsApplying(Map.of(), "", State.empty("0.1.0"), "0.1.0"))
                .isEmpty();
        assertThat(fresh.problemsApplying(Map.of(), "", State.empty("0.1.0").withSerial(1), "0.1.0"))
                .extracting(Diagnostic::summary)
                .containsExactly("Saved plan does not match the given state");
    }

    @Test
    void changedConfigurationFilesAreNamed() {
        List<Diagnostic> found = SAVED.problemsApplying(
                Map.of("main.tf", "resource {}\n# edited\n", "new.tf", ""),
                SAVED.lockFile(),
                PRIOR,
                SAVED.netformVersion());
        assertThat(found)
                .extracting(Diagnostic::summary)
                .containsExactly("Saved plan does not match the configuration");
        assertThat(found.get(0).detail()).contains("main.tf changed").contains("new.tf added");
    }

    @Test
    void otherProvidersOrAnotherNetformVersionAreRefused() {
        assertThat(problems(SAVED.configuration(), "# other lock\n", PRIOR, SAVED.netformVersion()))
                .containsExactly("Saved plan does not match the selected providers");
        assertThat(problems(SAVED.configuration(), SAVED.lockFile(), PRIOR, "9.9.9"))
                .containsExactly("Saved plan was made by another Netform version");
    }

    @Test
    void anErroredPlanIsNotApplyable() {
        Plan p = SAVED.plan();
        SavedPlan errored = new SavedPlan(
                new Plan(p.mode(), p.changes(), p.drift(), p.outputs(), p.priorState(), p.variables(), true),
                SAVED.targets(),
                SAVED.configuration(),
                SAVED.lockFile(),
                SAVED.netformVersion(),
                SAVED.timestamp());
        assertThat(errored.problemsApplying(SAVED.configuration(), SAVED.lockFile(), PRIOR, SAVED.netformVersion()))
                .extracting(Diagnostic::summary)
                .containsExactly("Saved plan is not applyable");
    }
}
