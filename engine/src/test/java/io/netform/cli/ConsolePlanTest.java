package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.ModuleLoader;
import io.netform.lang.function.ConsoleFunctions;
import io.netform.planner.PlanOptions;
import io.netform.planner.PlanResult;
import io.netform.planner.Planner;
import io.netform.state.State;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import io.netform.walk.ScopeBuilder;
import io.netform.walk.WalkContext;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code console -plan} shows: expressions evaluated against a plan's values, where a resource
 * still to be created has its planned attributes and what only the apply can tell is known after apply.
 */
class ConsolePlanTest {

    @TempDir
    Path dir;

    /** Plans the configuration with nothing in state, then runs the console's session on the plan walk. */
    private String consoleAfterPlan(String config, String input) throws Exception {
        Files.writeString(dir.resolve("main.tf"), config);
        WalkContext walk = FakeWalks.context(dir, new FakeProvider(), Map.of());
        PlanResult planned = Planner.plan(walk, State.empty("0.1.0"), PlanOptions.defaults());
        assertThat(planned.diagnostics()).isEmpty();
        ScopeBuilder scopes =
                walk.scopes().withFunctions(ConsoleFunctions.over(walk.scopes().functions()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ui ui = new Ui(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = new ConsoleSession(scopes, ModuleLoader.load(dir).root(), ui)
                .run(new BufferedReader(new StringReader(input)), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aResourceToBeCreatedHasItsPlannedValuesAndUnknownsAreKnownAfterApply() throws Exception {
        String shown = consoleAfterPlan("""
                resource "testing_object" "web" {
                  name   = "web-${count.index}"
                  count  = 2
                  secret = "hush"
                }
                locals {
                  names = testing_object.web[*].name
                }
                """, """
                testing_object.web[1].id
                testing_object.web[1].name
                local.names
                testing_object.web[0]
                type(testing_object.web[0])
                """);
        assertThat(shown).isEqualTo("""
                (known after apply)
                "web-1"
                [
                  "web-0",
                  "web-1",
                ]
                {
                  "id" = (known after apply)
                  "name" = "web-0"
                  "secret" = (sensitive value)
                  "value" = tostring(null)
                }
                object({
                    id: string,
                    name: string,
                    secret: string,
                    value: string,
                })
                """);
    }
}
