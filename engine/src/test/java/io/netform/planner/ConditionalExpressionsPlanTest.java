package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.state.State;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import io.netform.walk.WalkContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards written the Terraform way plan as they do in Terraform: a conditional reports only the
 * arm it takes, and {@code &&} only the operand that decides, so a null variable can be tested
 * before it is used.
 */
class ConditionalExpressionsPlanTest {

    private static final String CONFIG = """
            variable "suffix" {
              type    = string
              default = null
            }
            variable "feature" {
              type    = object({ enabled = bool })
              default = null
            }
            resource "testing_object" "web" {
              name  = var.suffix != null ? upper(var.suffix) : "default"
              value = var.feature != null && var.feature.enabled ? "on" : "off"
            }
            output "name" {
              value = var.suffix == null ? "default" : upper(var.suffix)
            }
            """;

    @TempDir
    Path dir;

    private PlanResult plan(Map<String, Value> variables) throws IOException {
        Files.writeString(dir.resolve("main.tf"), CONFIG);
        WalkContext walk = FakeWalks.context(dir, new FakeProvider(), variables);
        return Planner.plan(walk, State.empty("0.1.0"), PlanOptions.defaults());
    }

    @Test
    void nullVariablesTakeTheGuardedDefaults() throws IOException {
        // what the variables' null defaults give
        PlanResult result = plan(Map.of(
                "suffix",
                Value.nullOf(Type.STRING),
                "feature",
                Value.nullOf(Type.object(Map.of("enabled", Type.BOOL)))));
        assertThat(FakeWalks.shown(result.diagnostics())).isEmpty();
        Value web = result.plan().changes().get(0).after();
        assertThat(web.getAttr("name")).isEqualTo(Value.string("default"));
        assertThat(web.getAttr("value")).isEqualTo(Value.string("off"));
        assertThat(result.plan().outputs().get("name").after()).isEqualTo(Value.string("default"));
    }

    @Test
    void setVariablesTakeTheGuardedArms() throws IOException {
        PlanResult result =
                plan(Map.of("suffix", Value.string("web"), "feature", Value.object(Map.of("enabled", Value.TRUE))));
        assertThat(FakeWalks.shown(result.diagnostics())).isEmpty();
        Value web = result.plan().changes().get(0).after();
        assertThat(web.getAttr("name")).isEqualTo(Value.string("WEB"));
        assertThat(web.getAttr("value")).isEqualTo(Value.string("on"));
    }
}
