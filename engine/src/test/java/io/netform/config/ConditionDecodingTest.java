package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.Resource;
import io.netform.hcl.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding of custom conditions (lifecycle pre/postconditions, output preconditions) and check blocks. */
class ConditionDecodingTest {

    @TempDir
    Path dir;

    LoadResult load(String main) throws IOException {
        Files.writeString(dir.resolve("main.tf"), main);
        return ModuleLoader.load(dir);
    }

    static List<String> errors(LoadResult r) {
        return r.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.subject() + ": " + d.summary() + ": " + d.detail())
                .toList();
    }

    @Test
    void decodesConditionsOfResourcesDataSourcesAndOutputs() throws IOException {
        LoadResult r = load("""
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    create_before_destroy = true
                    precondition {
                      condition     = length(var.x) > 0
                      error_message = "x must not be empty."
                    }
                    postcondition {
                      condition     = self.id != ""
                      error_message = "no id"
                    }
                    postcondition {
                      condition     = self.name == "a"
                      error_message = "wrong name"
                    }
                  }
                }
                data "testing_echo" "e" {
                  input = "x"
                  lifecycle {
                    postcondition {
                      condition     = self.output == "x"
                      error_message = "echo broke"
                    }
                  }
                }
                output "o" {
                  value = 1
                  precondition {
                    condition     = true
                    error_message = "never"
                  }
                }
                """);
        assertThat(errors(r)).isEmpty();
        Lifecycle a = r.root()
                .resources()
                .get(Resource.managed("testing_object", "a"))
                .lifecycle();
        assertThat(a.createBeforeDestroy()).isTrue();
        assertThat(a.preconditions()).hasSize(1);
        assertThat(a.preconditions().get(0).condition().range().toString()).isEqualTo("main.tf:6:23");
        assertThat(a.postconditions()).hasSize(2);
        assertThat(r.root()
                        .resources()
                        .get(Resource.data("testing_echo", "e"))
                        .lifecycle()
                        .postconditions())
                .hasSize(1);
        assertThat(r.root().outputs().get("o").preconditions()).hasSize(1);
    }

    @Test
    void aConditionNeedsBothArgumentsAndNothingElse() throws IOException {
        LoadResult r = load("""
                resource "testing_object" "a" {
                  name = "a"
                  lifecycle {
                    precondition {
                      condition = true
                      message   = "typo"
                    }
                  }
                }
                """);
        assertThat(errors(r))
                .containsExactlyInAnyOrder(
                        "main.tf:6:7: Unsupported argument: An argument named \"message\" is not expected here.",
                        "main.tf:4:18: Missing required argument: The argument \"error_message\" is required, but no "
                                + "definition was found.");
    }

    @Test
    void decodesCheckBlocksWithScopedDataSources() throws IOException {
        LoadResult r = load("""
                check "reachable" {
                  data "testing_echo" "probe" {
                    input = "ok"
                  }
                  assert {
                    condition     = data.testing_echo.probe.output == "ok"
                    error_message = "The probe did not answer."
                  }
                  assert {
                    condition     = true
                    error_message = "never"
                  }
                }
                """);
        assertThat(errors(r)).isEmpty();
        Check check = r.root().checks().get("reachable");
        assertThat(check.data()).extracting(d -> d.address().toString()).containsExactly("data.testing_echo.probe");
        assertThat(check.asserts()).hasSize(2);
        assertThat(r.root().resources()).isEmpty();
        assertThat(r.root().checkScoping(Resource.data("testing_echo", "probe")))
                .isSameAs(check);
    }

    @Test
    void rejectsChecksWithoutAssertionsDuplicateNamesAndRepeatedScopedData() throws IOException {
        LoadResult r = load("""
                data "testing_echo" "probe" {
                  input = "module"
                }
                check "empty" {
                }
                check "twice" {
                  assert {
                    condition     = true
                    error_message = "x"
                  }
                }
                check "twice" {
                  assert {
                    condition     = true
                    error_message = "x"
                  }
                }
                check "shadow" {
                  data "testing_echo" "probe" {
                    input = "check"
                  }
                  data "testing_object" "counted" {
                    count = 2
                    name  = "x"
                  }
                  assert {
                    condition     = true
                    error_message = "x"
                  }
                }
                """);
        assertThat(errors(r))
                .containsExactlyInAnyOrder(
                        "main.tf:4:7: Missing assert block: A check block needs at least one assert block: an assert block "
                                + "with a condition and an error_message.",
                        "main.tf:12:7: Duplicate check block: A check block named \"twice\" was already defined at "
                                + "main.tf:6:7. Check blocks must have unique names within a module.",
                        "main.tf:22:3: Invalid scoped data source: A data source inside a check block is read once per "
                                + "check: count and for_each are not supported here.",
                        "main.tf:19:23: Duplicate data \"testing_echo\" configuration: A testing_echo data resource named "
                                + "\"probe\" was already declared at main.tf:1:21. Resource names must be unique per type "
                                + "in each module.");
    }

    @Test
    void aScopedDataSourceTakesNoConditionsOfItsOwn() throws IOException {
        LoadResult r = load("""
                check "c" {
                  data "testing_echo" "probe" {
                    input = "x"
                    lifecycle {
                      postcondition {
                        condition     = self.output == "x"
                        error_message = "x"
                      }
                    }
                  }
                  assert {
                    condition     = true
                    error_message = "x"
                  }
                }
                """);
        assertThat(errors(r))
                .containsExactly("main.tf:2:3: Invalid scoped data source: A data source inside a "
                        + "check block cannot have preconditions or postconditions: write them as assert blocks of the "
                        + "check.");
    }
}
