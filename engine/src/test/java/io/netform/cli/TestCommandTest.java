package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform test} through the CLI, on modules of the built-in provider's terraform_data (no plugin). */
class TestCommandTest {

    private static final String MODULE = """
            variable "name" {
              type    = string
              default = "web"
              validation {
                condition     = length(var.name) <= 8
                error_message = "The name must be at most 8 characters."
              }
            }
            variable "prefix" {
              type    = string
              default = "dev"
            }
            resource "terraform_data" "x" {
              input = "${var.prefix}-${var.name}"
            }
            output "full" {
              value = terraform_data.x.input
            }
            output "id" {
              value = terraform_data.x.id
            }
            """;

    @TempDir
    Path dir;

    private CliRun test(String file, String... args) throws Exception {
        Files.writeString(dir.resolve("main.tf"), MODULE);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), file);
        String[] all = new String[args.length + 2];
        all[0] = "test";
        all[1] = "-no-color";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(dir, Map.of(), all);
    }

    @Test
    void runsPlanAndApplyRunsInOrderAndLaterRunsSeeEarlierOutputs() throws Exception {
        CliRun run = test("""
                run "plan" {
                  command = plan
                  assert {
                    condition     = terraform_data.x.input == "dev-web"
                    error_message = "wrong input"
                  }
                }
                run "apply" {
                  variables {
                    name = "db"
                  }
                  assert {
                    condition     = output.full == "dev-db" && length(output.id) == 36
                    error_message = "wrong output"
                  }
                }
                run "again" {
                  command = plan
                  variables {
                    name = run.apply.full
                  }
                  assert {
                    condition     = var.name == "dev-db"
                    error_message = "run outputs are not visible"
                  }
                }
                """);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                tests/main.tftest.hcl... in progress
                  run "plan"... pass
                  run "apply"... pass
                  run "again"... pass
                tests/main.tftest.hcl... tearing down
                tests/main.tftest.hcl... pass

                Success! 3 passed, 0 failed.
                """);
        // every state was in memory: nothing is written into the module
        assertThat(dir.resolve("terraform.tfstate")).doesNotExist();
    }

    @Test
    void aFalseAssertionFailsTheRunAndTheCommand() throws Exception {
        CliRun run = test("""
                run "a" {
                  command = plan
                }
                run "b" {
                  command = plan
                  assert {
                    condition     = output.full == "prod-web"
                    error_message = "The name is ${output.full}, not prod-web."
                  }
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                tests/main.tftest.hcl... in progress
                  run "a"... pass
                  run "b"... fail
                tests/main.tftest.hcl... tearing down
                tests/main.tftest.hcl... fail

                Failure! 1 passed, 1 failed.
                """);
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:7:21: Test assertion failed")
                .contains("The name is dev-web, not prod-web.");
    }

    @Test
    void variablesOfTheFileAndTheRunOverrideTheCommandLine() throws Exception {
        CliRun run = test("""
                variables {
                  prefix = "file"
                }
                run "file_level" {
                  command = plan
                  assert {
                    condition     = output.full == "file-cli"
                    error_message = "got ${output.full}"
                  }
                }
                run "run_level" {
                  command = plan
                  variables {
                    name = "run"
                  }
                  assert {
                    condition     = output.full == "file-run"
                    error_message = "got ${output.full}"
                  }
                }
                """, "-var", "name=cli", "-var", "prefix=cli");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void anExpectedValidationFailurePassesAndOneThatDoesNotHappenFails() throws Exception {
        CliRun run = test("""
                run "too_long" {
                  command = plan
                  variables {
                    name = "much-too-long"
                  }
                  expect_failures = [var.name]
                }
                run "fine" {
                  command = plan
                  expect_failures = [
                    var.name,
                  ]
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("  run \"too_long\"... pass\n").contains("  run \"fine\"... fail\n");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:11:5: Missing expected failure")
                .contains("The checkable object, var.name, was expected to report an error but did not.")
                .doesNotContain("The name must be at most 8 characters.");
    }

    @Test
    void anUnexpectedErrorErrorsTheRunAndSkipsTheRest() throws Exception {
        CliRun run = test("""
                run "bad" {
                  command = plan
                  variables {
                    name = "much-too-long"
                  }
                }
                run "after" {
                  command = plan
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("  run \"bad\"... error\n")
                .contains("  run \"after\"... skip\n")
                .contains("Failure! 0 passed, 1 failed, 1 skipped.");
        assertThat(run.err()).contains("The name must be at most 8 characters.");
    }

    @Test
    void badTestFilesAreErrorsAtTheirPlaceAndNothingRuns() throws Exception {
        CliRun run = test("""
                run "a" {
                  comand = plan
                }
                run "b" {
                  command = plan
                  variables {
                    name = run.missing.full
                  }
                }
                run "c" {
                  command = destroy
                }
                unknown {}
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("in progress");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:2:3: Unsupported argument")
                .contains("Did you mean \"command\"?")
                .contains("tests/main.tftest.hcl:7:12: Reference to unknown run block")
                .contains("tests/main.tftest.hcl:11:13: Invalid \"command\" keyword")
                .contains("The \"command\" argument requires one of the following keywords without quotes: apply or"
                        + " plan.")
                .contains("tests/main.tftest.hcl:13:1: Unsupported block type");
    }

    @Test
    void aliasedMocksAreRefusedRatherThanIgnored() throws Exception {
        CliRun run = test("""
                mock_provider "nsxt" {
                  alias = "other"
                }
                variables {
                  name = "x"
                }
                run "a" {
                  command = plan
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("in progress");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:2:3: Unsupported argument")
                .contains("an alias on mock_provider is not supported");
    }

    @Test
    void filterRunsOnlyTheNamedFilesAndJsonFilesAreTestFilesToo() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/other.tftest.json"), """
                {"run": {"from_json": {"command": "plan", "assert": [
                  {"condition": "${output.full == \\"dev-web\\"}", "error_message": "wrong"}]}}}
                """);
        CliRun run = test("run \"a\" {\n  command = plan\n}\n", "-filter=tests/other.tftest.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("tests/other.tftest.json... in progress\n  run \"from_json\"... pass\n")
                .doesNotContain("main.tftest.hcl");
    }

    @Test
    void verbosePrintsEachRunsPlanOrState() throws Exception {
        CliRun run = test("""
                run "planned" {
                  command = plan
                }
                run "applied" {}
                """, "-verbose");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsSubsequence(
                        "  run \"planned\"... pass",
                        "  # terraform_data.x will be created",
                        "  run \"applied\"... pass",
                        "# terraform_data.x:",
                        "input  = \"dev-web\"",
                        "Outputs:",
                        "full = \"dev-web\"",
                        "Success! 2 passed, 0 failed.");
    }

    @Test
    void verboseJsonStreamsEachRunsPlanOrStateAsTerraformsTestPlanAndTestState() throws Exception {
        CliRun run = test("""
                run "planned" {
                  command = plan
                }
                run "applied" {}
                """, "-verbose", "-json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsSubsequence(
                        "\"test_run\":{\"path\":\"tests/main.tftest.hcl\",\"run\":\"planned\"",
                        "{\"@level\":\"info\",\"@message\":\"-verbose flag enabled, printing plan\"",
                        "\"type\":\"test_plan\",\"test_plan\":{\"plan_format_version\":\"1.2\",\"output_changes\":"
                                + "{\"full\":{\"actions\":[\"create\"]",
                        "\"resource_changes\":[{\"address\":\"terraform_data.x\"",
                        "\"provider_format_version\":\"1.0\"},\"@testfile\":\"tests/main.tftest.hcl\","
                                + "\"@testrun\":\"planned\"}",
                        "\"test_run\":{\"path\":\"tests/main.tftest.hcl\",\"run\":\"applied\"",
                        "{\"@level\":\"info\",\"@message\":\"-verbose flag enabled, printing state\"",
                        "\"type\":\"test_state\",\"test_state\":{\"state_format_version\":\"1.0\",\"root_module\":"
                                + "{\"resources\":[{\"address\":\"terraform_data.x\"",
                        "\"root_module_outputs\":{\"full\":{\"sensitive\":false,\"value\":\"dev-web\"",
                        "\"provider_format_version\":\"1.0\"},\"@testfile\":\"tests/main.tftest.hcl\","
                                + "\"@testrun\":\"applied\"}");
        assertThat(test("run \"planned\" {\n  command = plan\n}\n", "-json").out())
                .doesNotContain("test_plan")
                .doesNotContain("test_state");
    }

    @Test
    void noTestFilesExecutesNothing() throws Exception {
        Files.writeString(dir.resolve("main.tf"), MODULE);
        CliRun run = CliRun.run(dir, Map.of(), "test", "-no-color");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("\nExecuted 0 tests.\n");
    }

    @Test
    void junitXmlHasASuitePerFileAndACasePerRun() throws Exception {
        CliRun run = test("""
                run "ok" {
                  command = plan
                }
                run "wrong" {
                  command = plan
                  assert {
                    condition     = output.full == "x"
                    error_message = "not x"
                  }
                }
                """, "-junit-xml=report.xml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("report.xml")))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n")
                .contains("<testsuite name=\"tests/main.tftest.hcl\" tests=\"2\" skipped=\"0\" failures=\"1\" "
                        + "errors=\"0\">")
                .containsPattern("<testcase name=\"ok\" classname=\"tests/main.tftest.hcl\"( time=\"[0-9.]+\")?>"
                        + "</testcase>")
                .containsPattern("<testcase name=\"wrong\" classname=\"tests/main.tftest.hcl\"( time=\"[0-9.]+\")?>"
                        + "\n      <failure message=\"Test run failed\"></failure>")
                .contains("<system-err><![CDATA[\nError: Test assertion failed")
                .endsWith("</testsuites>");
    }

    @Test
    void jsonStreamsTerraformsTestMessages() throws Exception {
        CliRun run = test("run \"a\" {\n  command = plan\n}\n", "-json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"@message\":\"Found 1 file and 1 run block\"")
                .contains("\"type\":\"test_abstract\",\"test_abstract\":{\"tests/main.tftest.hcl\":[\"a\"]}")
                .contains("\"test_file\":{\"path\":\"tests/main.tftest.hcl\",\"progress\":\"starting\"}")
                .containsPattern("\"test_run\":\\{\"path\":\"tests/main.tftest.hcl\",\"run\":\"a\",\"progress\":"
                        + "\"complete\",\"elapsed\":[0-9]+,\"status\":\"pass\"},\"@testfile\":\"tests/main.tftest.hcl\","
                        + "\"@testrun\":\"a\"")
                .contains("\"test_summary\":{\"status\":\"pass\",\"passed\":1,\"failed\":0,\"errored\":0,"
                        + "\"skipped\":0}");
    }
}
