package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.ProviderSource;
import io.netform.core.InProcessProviders;
import io.netform.core.PluginPaths;
import io.netform.plugins.FakeProviderPlugin;
import io.netform.plugins.FakeProviderService;
import io.netform.plugins.VersionConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netform test}'s override_resource and override_data blocks (Terraform 1.7) at file, run and
 * mock_provider level, on a module of the fake {@code testing} provider, whose objects get ids "obj-NAME" and
 * whose lookups read "value-of-NAME" when the provider does the work.
 */
class TestOverridesTest {

    private static final ProviderSource TESTING = ProviderSource.parse("netform/testing");

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    private final FakeProviderService cloud = new FakeProviderService();
    private final InProcessProviders providers = new InProcessProviders(Map.of(TESTING, d -> cloud));

    @BeforeEach
    void module() throws IOException {
        FakeProviderPlugin.install(plugins, "netform/testing", "0.1.0");
        PluginPaths.record(dir, List.of(plugins));
        PluginPaths.installer(dir).install(Map.of(TESTING, VersionConstraint.any()), false);
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }

                provider "testing" {
                  endpoint = "fake"
                  token    = "t"
                }

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
        return CliRun.withProviders(dir, providers, "", "test", "-no-color");
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
        assertThat(cloud.object("obj-pool0")).isNull();
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
                  override_module {
                    target = module.net
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
                .contains("tests/main.tftest.hcl:14:23: Invalid \"override_during\" keyword")
                .contains("tests/main.tftest.hcl:16:3: Unsupported block type")
                .contains("Netform does not support override_module blocks in tests yet");
    }
}
