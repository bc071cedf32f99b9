package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netform test}'s override_resource and override_data blocks (Terraform 1.7) at file, run and
 * mock_provider level, on a module of the fake {@code testing} provider, whose objects get ids "obj-NAME" and
 * whose lookups read "value-of-NAME" when the provider does the work.
 */
class TestOverridesTest {

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    /** The remote end: one object store for every start of the provider. */
    private FakeCloud cloud;

    @BeforeEach
    void module() throws IOException {
        cloud = FakeCloud.install(dir, plugins, """
                data "testing_lookup" "zone" {
                  name = "zone"
                }

                resource "testing_object" "web" {
                  name = "web-${data.testing_lookup.zone.value}"
                }

                resource "testing_object" "pool" {
                  count = 2
                  name  = "pool${count.index}"
                }
                """);
    }

    private CliRun test(String file) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), file);
        return cloud.run("", "test", "-no-color");
    }

    @Test
    void fileLevelOverridesAnswerForTheirInstancesInsteadOfTheProvider() throws Exception {
        CliRun run = test("""
                override_data {
                  target = data.testing_lookup.zone
                  values = { value = "a" }
                }
                override_resource {
                  target = testing_object.pool[1]
                  values = { id = "pool-one" }
                }
                run "planned" {
                  command = plan
                  assert {
                    condition     = testing_object.web.name == "web-a"
                    error_message = "the data source was not overridden: ${testing_object.web.name}"
                  }
                }
                run "applied" {
                  assert {
                    condition     = testing_object.pool[1].id == "pool-one" && testing_object.pool[0].id == "obj-pool0"
                    error_message = "ids: ${testing_object.pool[0].id}, ${testing_object.pool[1].id}"
                  }
                }
                """);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Success! 2 passed, 0 failed.");
        // what the provider did create, the file's cleanup destroyed
        assertThat(cloud.objects().object("obj-pool0")).isNull();
    }

    @Test
    void computedValuesAreUnknownInAPlanUnlessOverriddenDuringPlan() throws Exception {
        CliRun run = test("""
                override_resource {
                  target          = testing_object.pool
                  override_during = plan
                  values          = { id = "planned-id" }
                }
                override_resource {
                  target = testing_object.web
                  values = { id = "applied-id" }
                }
                run "planned" {
                  command = plan
                  assert {
                    condition     = testing_object.pool[0].id == "planned-id" && testing_object.pool[1].id == "planned-id"
                    error_message = "override_during = plan is not in the plan"
                  }
                }
                run "unknown_until_applied" {
                  command = plan
                  assert {
                    condition     = testing_object.web.id == "applied-id"
                    error_message = "known too early"
                  }
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("run \"planned\"... pass").contains("run \"unknown_until_applied\"... error");
        assertThat(run.err()).contains("Unknown condition value");
    }

    @Test
    void aRunsOverridesWinOverTheFilesWhichWinOverTheMockProviders() throws Exception {
        CliRun run = test("""
                mock_provider "testing" {
                  mock_resource "testing_object" {
                    defaults = { id = "mock-default" }
                  }
                  override_resource {
                    target = testing_object.pool
                    values = { id = "from-mock" }
                  }
                  override_resource {
                    target = testing_object.web
                    values = { id = "from-mock" }
                  }
                  override_data {
                    target = data.testing_lookup.zone
                    values = { value = "mocked" }
                  }
                }
                override_resource {
                  target = testing_object.web
                  values = { id = "from-file" }
                }
                run "file" {
                  assert {
                    condition     = testing_object.web.id == "from-file" && testing_object.pool[0].id == "from-mock"
                    error_message = "ids: ${testing_object.web.id}, ${testing_object.pool[0].id}"
                  }
                  assert {
                    condition     = testing_object.web.name == "web-mocked"
                    error_message = "name: ${testing_object.web.name}"
                  }
                }
                run "run" {
                  state_key = "second"
                  override_resource {
                    target = testing_object.web
                    values = { id = "from-run" }
                  }
                  assert {
                    condition     = testing_object.web.id == "from-run"
                    error_message = "id: ${testing_object.web.id}"
                  }
                }
                """);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Success! 2 passed, 0 failed.");
    }

    /** Adds module calls to the module under test: net (two instances) and guarded, which fails whenever planned. */
    private void moduleCalls() throws IOException {
        Files.createDirectories(dir.resolve("modules/net"));
        Files.writeString(dir.resolve("modules/net/main.tf"), """
                variable "name" {
                  type = string
                }

                resource "testing_object" "inner" {
                  name = var.name
                }

                data "testing_lookup" "zone" {
                  name = var.name
                }

                output "id" {
                  value = testing_object.inner.id
                }

                output "zone" {
                  value = data.testing_lookup.zone.value
                }
                """);
        Files.createDirectories(dir.resolve("modules/guarded"));
        Files.writeString(dir.resolve("modules/guarded/main.tf"), """
                resource "testing_object" "never" {
                  name = "never"
                  lifecycle {
                    precondition {
                      condition     = false
                      error_message = "the guarded module was planned"
                    }
                  }
                }

                output "id" {
                  value = testing_object.never.id
                }
                """);
        Files.writeString(dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf")) + """

                module "net" {
                  source = "./modules/net"
                  count  = 2
                  name   = "net${count.index}"
                }

                module "guarded" {
                  source = "./modules/guarded"
                }

                resource "testing_object" "user" {
                  name = "user-${module.guarded.id}-${module.net[0].id}"
                }
                """);
    }

    @Test
    void anOverriddenModuleIsNotPlannedOrAppliedAndItsOutputsTakeTheGivenValues() throws Exception {
        moduleCalls();
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/main.tftest.hcl"), """
                override_module {
                  target  = module.guarded
                  outputs = { id = "guard" }
                }
                run "one_instance" {
                  override_module {
                    target  = module.net[0]
                    outputs = { id = "net-zero" }
                  }
                  assert {
                    condition     = testing_object.user.name == "user-guard-net-zero"
                    error_message = "name: ${testing_object.user.name}"
                  }
                  assert {
                    condition     = module.net[0].zone == null && module.net[1].zone == "value-of-net1"
                    error_message = "an output the override does not give is null; the other instance runs"
                  }
                  assert {
                    condition     = module.net[1].id == "obj-net1"
                    error_message = "id: ${module.net[1].id}"
                  }
                }
                """);
        CliRun run = cloud.run("", "test", "-no-color", "-verbose");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Success! 1 passed, 0 failed.")
                .contains("module.net[1].testing_object.inner")
                .doesNotContain("module.net[0].testing_object.inner")
                .doesNotContain("module.net[0].data.testing_lookup.zone")
                .doesNotContain("module.guarded.testing_object.never");
        assertThat(cloud.objects().object("obj-net0")).isNull();
    }

    @Test
    void withoutTheOverrideTheGuardedModuleIsPlanned() throws Exception {
        moduleCalls();
        CliRun run = test("""
                run "plain" {
                  command = plan
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the guarded module was planned");
    }

    @Test
    void moduleOverridesNameAModuleThatDeclaresTheirOutputs() throws Exception {
        moduleCalls();
        CliRun run = test("""
                override_module {
                  target = testing_object.web
                }
                override_module {
                  target = data.testing_lookup.zone
                }
                override_module {
                  target  = module.guarded
                  outputs = "guard"
                }
                run "a" {
                  command = plan
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("in progress");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:2:12: Invalid override target")
                .contains("You can only target modules from override_module blocks, not testing_object.web. "
                        + "Use override_resource for it.")
                .contains("tests/main.tftest.hcl:5:12: Invalid override target")
                .contains("Use override_data for it.")
                .contains("tests/main.tftest.hcl:9:13: Invalid outputs");
    }

    @Test
    void anOutputTheModuleDoesNotDeclareIsAnError() throws Exception {
        moduleCalls();
        CliRun run = test("""
                run "a" {
                  command = plan
                  override_module {
                    target  = module.guarded
                    outputs = { id = "guard", address = "nowhere" }
                  }
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("run \"a\"... error");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:3:3: Invalid override")
                .contains("The module called by module.guarded has no output named \"address\"");
    }

    @Test
    void badTargetsAreErrorsAtTheirPlaceAndNothingRuns() throws Exception {
        CliRun run = test("""
                override_resource {
                  target = data.testing_lookup.zone
                }
                override_data {
                  target = module.net
                }
                override_resource {
                  target = "testing_object.web"
                }
                run "a" {
                  command = plan
                  override_resource {
                    target          = testing_object.web
                    override_during = later
                  }
                }
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("in progress");
        assertThat(run.err())
                .contains("tests/main.tftest.hcl:2:12: Invalid override target")
                .contains("You can only target managed resources from override_resource blocks, not "
                        + "data.testing_lookup.zone. Use override_data for it.")
                .contains("tests/main.tftest.hcl:5:12: Invalid override target")
                .contains("tests/main.tftest.hcl:8:12: Invalid target")
                .contains("tests/main.tftest.hcl:14:23: Invalid \"override_during\" keyword");
    }

    @Test
    void anOverrideWhoseTargetIsDeclaredNowhereIsWarnedAboutAndTheRunsStillPass() throws Exception {
        moduleCalls();
        Files.createDirectories(dir.resolve("tests/setup"));
        Files.writeString(dir.resolve("tests/setup/main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }

                resource "testing_object" "only_in_setup" {
                  name = "setup"
                }
                """);
        CliRun run = test("""
                mock_provider "testing" {
                  override_resource {
                    target = testing_object.absent_one
                  }
                }
                override_resource {
                  target = module.net.testing_object.absent_two
                }
                override_module {
                  target = module.absent_three
                }
                override_resource {
                  target = testing_object.only_in_setup
                }
                override_data {
                  target = module.net[7].data.testing_lookup.zone
                }
                run "setup" {
                  command = plan
                  module {
                    source = "./tests/setup"
                  }
                  override_resource {
                    target = testing_object.web
                  }
                }
                run "test" {
                  command = plan
                  override_module {
                    target = module.guarded
                    outputs = { id = "g" }
                  }
                  override_resource {
                    target = testing_object.pool[5]
                  }
                }
                """);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Success! 2 passed, 0 failed.");
        String all = run.out() + run.err();
        // the file's overrides are checked against the module under test and every run's module; a run's against
        // the configuration it runs; instance keys are not checked, as the configuration is not yet expanded
        assertThat(all)
                .contains("tests/main.tftest.hcl:3:5: Warning: Invalid override target")
                .contains("The override target testing_object.absent_one does not exist within the configuration "
                        + "under test. This could indicate a typo in the target address or an unnecessary override.")
                .contains("(and 2 more similar warnings elsewhere)")
                .contains("tests/main.tftest.hcl:24:5: Warning: Invalid override target")
                .contains("The override target testing_object.web does not exist within the configuration under "
                        + "test.")
                .doesNotContain("only_in_setup does not exist")
                .doesNotContain("pool[5] does not exist")
                .doesNotContain("module.guarded does not exist")
                .doesNotContain("testing_lookup.zone does not exist");
        // a run's warning comes with the run, the file's when the file completes
        assertThat(run.err().indexOf("24:5: Warning: Invalid override target"))
                .isLessThan(run.err().indexOf("3:5: Warning: Invalid override target"));
        assertThat(run.err().lines().filter(l -> l.endsWith("Invalid override target")))
                .hasSize(2);

        // in the JSON stream, as in Terraform's: a run's warnings follow its test_run message, tagged with the run;
        // the file's follow the file's completion
        List<String> json = cloud.run("", "test", "-json").out().lines().toList();
        int runDone = indexOf(json, "\"@testrun\":\"setup\"", "\"type\":\"test_run\"");
        int runWarning = indexOf(json, "\"@testrun\":\"setup\"", "testing_object.web does not exist");
        int fileDone = indexOf(json, "\"progress\":\"complete\"", "\"type\":\"test_file\"");
        int fileWarning = indexOf(json, "\"@testfile\":\"tests/main.tftest.hcl\"", "absent_one does not exist");
        assertThat(runDone).isNotNegative().isLessThan(runWarning);
        assertThat(fileDone).isNotNegative().isLessThan(fileWarning);
        assertThat(json.get(fileWarning)).contains("\"@level\":\"warn\"").doesNotContain("@testrun");
    }

    /** The index of the first line holding every one of {@code parts}, or -1. */
    private static int indexOf(List<String> lines, String... parts) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (java.util.Arrays.stream(parts).allMatch(line::contains)) {
                return i;
            }
        }
        return -1;
    }
}
