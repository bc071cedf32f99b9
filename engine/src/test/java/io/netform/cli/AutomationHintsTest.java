package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "what next" hints of init and plan: shown to a person, left out under NETFORM_IN_AUTOMATION. */
class AutomationHintsTest {

    private static final String PLAN_NOTE = "Note: You didn't use the -out option to save this plan";
    private static final String INIT_HINT = "You may now begin working with Netform";

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"greeting\" {\n  value = \"hello\"\n}\n");
    }

    @Test
    void aPersonIsToldHowToSaveAndApplyThePlan() {
        CliRun plan = CliRun.run(dir, Map.of(), "plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("Changes to Outputs").contains(PLAN_NOTE);

        CliRun saved = CliRun.run(dir, Map.of(), "plan", "-out=tfplan");
        assertThat(saved.out())
                .contains("Saved the plan to: tfplan")
                .contains("netform apply \"tfplan\"")
                .doesNotContain(PLAN_NOTE);
    }

    @Test
    void automationGetsThePlanWithoutTheHints() {
        CliRun plan = CliRun.run(dir, Map.of("TF_IN_AUTOMATION", "1"), "plan", "-out=tfplan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out())
                .contains("Changes to Outputs")
                .doesNotContain("netform apply")
                .doesNotContain("Saved the plan to");
        assertThat(dir.resolve("tfplan")).exists();
        assertThat(CliRun.run(dir, Map.of("NETFORM_IN_AUTOMATION", "true"), "plan")
                        .out())
                .doesNotContain(PLAN_NOTE);
    }

    @Test
    void initTellsAPersonWhatToDoNextButNotAutomation() {
        assertThat(CliRun.run(dir, Map.of(), "init").out())
                .contains("successfully initialized")
                .contains(INIT_HINT);
        CliRun automated = CliRun.run(dir, Map.of("NETFORM_IN_AUTOMATION", "1"), "init");
        assertThat(automated.exitCode()).isZero();
        assertThat(automated.out()).contains("successfully initialized").doesNotContain(INIT_HINT);
    }
}
