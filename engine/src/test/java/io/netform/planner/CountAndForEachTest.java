package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.ModuleLoader;
import io.netform.config.VariableInputs;
import io.netform.lang.function.Functions;
import io.netform.state.State;
import io.netform.value.Value;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** count and for_each take their values as Terraform converts them, and refuse what Terraform refuses. */
class CountAndForEachTest {

    @TempDir
    Path dir;

    private PlanResult plan(String main, Map<String, Value> variables) throws Exception {
        Files.writeString(dir.resolve("main.tf"), main);
        return Planner.plan(
                FakeWalks.context(dir, new FakeProvider(), variables), State.empty("0.1.0"), PlanOptions.defaults());
    }

    private static List<String> addresses(PlanResult result) {
        return result.plan().changes().stream().map(c -> c.address().toString()).toList();
    }

    @Test
    void aCountGivenAsTextIsConvertedToANumber() throws Exception {
        PlanResult result = plan("""
                resource "testing_object" "a" {
                  count = "3"
                  name  = "a-${count.index}"
                }
                """, Map.of());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(addresses(result))
                .containsExactly("testing_object.a[0]", "testing_object.a[1]", "testing_object.a[2]");
    }

    @Test
    void anUntypedVariableSetOnTheCommandLineServesAsCount() throws Exception {
        String main = """
                variable "n" {}
                resource "testing_object" "a" {
                  count = var.n
                  name  = "a-${count.index}"
                }
                module "m" {
                  source = "./m"
                  count  = var.n
                }
                """;
        Files.createDirectory(dir.resolve("m"));
        Files.writeString(dir.resolve("m/main.tf"), "resource \"testing_object\" \"b\" {\n  name = \"b\"\n}\n");
        Files.writeString(dir.resolve("main.tf"), main);
        var inputs = VariableInputs.resolve(
                ModuleLoader.load(dir).root(),
                dir,
                Map.of(),
                List.of(new VariableInputs.Assignment("n=2")),
                Functions.NONE);
        assertThat(inputs.values().get("n")).isEqualTo(Value.string("2"));
        PlanResult result = plan(main, inputs.values());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(addresses(result))
                .containsExactly(
                        "testing_object.a[0]",
                        "testing_object.a[1]",
                        "module.m[0].testing_object.b",
                        "module.m[1].testing_object.b");
    }

    @Test
    void whatCannotBeAWholeNonNegativeNumberIsStillAnError() throws Exception {
        assertThat(FakeWalks.shown(plan("""
                resource "testing_object" "a" {
                  count = "x"
                  name  = "a"
                }
                resource "testing_object" "b" {
                  count = true
                  name  = "b"
                }
                resource "testing_object" "c" {
                  count = "-1"
                  name  = "c"
                }
                resource "testing_object" "d" {
                  count = "1.5"
                  name  = "d"
                }
                """, Map.of()).diagnostics()))
                .containsExactlyInAnyOrder(
                        "error main.tf:2:11: Incorrect value type: Invalid expression value: a number is required.",
                        "error main.tf:6:11: Incorrect value type: Invalid expression value: number required.",
                        "error main.tf:10:11: Invalid count argument: The given \"count\" argument value is unsuitable: "
                                + "must be greater than or equal to zero.",
                        "error main.tf:14:11: Invalid count argument: The given \"count\" argument value is unsuitable: the "
                                + "number must be a whole number no larger than 1000000.");
    }

    @Test
    void forEachNeedsAMapOrASetOfStrings() throws Exception {
        List<String> shown = FakeWalks.shown(plan("""
                resource "testing_object" "a" {
                  for_each = ["x", "y"]
                  name     = each.key
                }
                resource "testing_object" "b" {
                  for_each = toset([1, 2])
                  name     = each.key
                }
                """, Map.of()).diagnostics());
        assertThat(shown).hasSize(2);
        assertThat(shown)
                .anySatisfy(d -> assertThat(d)
                        .startsWith("error main.tf:2:14: Invalid for_each argument: "
                                + "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or "
                                + "set of strings, and you have provided a value of type tuple"));
        assertThat(shown)
                .contains("error main.tf:6:14: Invalid for_each set argument: The given \"for_each\" "
                        + "argument value is unsuitable: \"for_each\" supports maps and sets of strings, but you have "
                        + "provided a set containing type number.");
    }

    @Test
    void aSetOfStringsGivesOneInstancePerElement() throws Exception {
        PlanResult result = plan("""
                resource "testing_object" "a" {
                  for_each = toset(["x", "y"])
                  name     = each.value
                }
                """, Map.of());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(addresses(result)).containsExactly("testing_object.a[\"x\"]", "testing_object.a[\"y\"]");
    }
}
