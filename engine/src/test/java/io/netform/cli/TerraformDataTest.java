package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in provider's {@code terraform_data}, through the CLI with no plugin installed. */
class TerraformDataTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private CliRun apply(String config) throws Exception {
        Files.writeString(dir.resolve("main.tf"), config);
        CliRun apply = run("apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        return apply;
    }

    private static String data(String input, String trigger) {
        return "resource \"terraform_data\" \"x\" {\n  input = " + input + "\n  triggers_replace = " + trigger
                + "\n}\noutput \"out\" {\n  value = terraform_data.x.output\n}\noutput \"id\" {\n"
                + "  value = terraform_data.x.id\n}\n";
    }

    @Test
    void initNeitherInstallsNorLocksTheBuiltInProviderAndProvidersShowsIt() throws Exception {
        Files.writeString(dir.resolve("main.tf"), data("\"a\"", "null"));
        CliRun init = run("init", "-no-color");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("- terraform.io/builtin/terraform is built in to Netform");
        Path lock = dir.resolve(".netform.lock.hcl");
        assertThat(Files.exists(lock) ? Files.readString(lock) : "").doesNotContain("terraform.io/builtin");
        assertThat(run("providers").out()).contains("└── provider[terraform.io/builtin/terraform]");
        assertThat(run("validate", "-no-color").exitCode()).isZero();
        // as Terraform's, version lists the locked providers, which the built-in one never is
        assertThat(run("version").out()).doesNotContain("terraform.io/builtin");
    }

    @Test
    void aVersionConstraintOnTheBuiltInProviderIsAnInitError() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    terraform = { source = "terraform.io/builtin/terraform", version = "1.0.0" }
                  }
                }
                """ + data("1", "null"));
        CliRun init = run("init", "-no-color");
        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err())
                .contains("main.tf:3:5: Invalid built-in provider")
                .contains("Cannot use terraform.io/builtin/terraform: built-in providers do not support explicit"
                        + " version constraints.");
    }

    @Test
    void aRequiredProvidersEntryWithoutSourceNamedTerraformIsTheBuiltInProvider() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    terraform = {}
                  }
                }
                """ + data("1", "null"));
        CliRun init = run("init", "-no-color");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("- terraform.io/builtin/terraform is built in to Netform");
        assertThat(run("apply", "-auto-approve").exitCode()).isZero();
    }

    @Test
    void outputFollowsInputAtApplyAndTheObjectIsRecordedUnderTheBuiltInProvider() throws Exception {
        Files.writeString(dir.resolve("main.tf"), data("{ tier0 = \"/infra/tier-0s/t0\" }", "null"));
        CliRun plan = run("plan", "-no-color");
        assertThat(plan.out())
                .contains("# terraform_data.x will be created")
                .contains("+ output = (known after apply)")
                .contains("+ id     = (known after apply)");
        apply(data("{ tier0 = \"/infra/tier-0s/t0\" }", "null"));
        assertThat(run("output", "-json", "out").out().replaceAll("\\s", ""))
                .isEqualTo("{\"tier0\":\"/infra/tier-0s/t0\"}");
        assertThat(run("output", "-raw", "id").out()).matches(UUID);
        assertThat(Files.readString(dir.resolve("terraform.tfstate")))
                .contains("\"provider\": \"provider[\\\"terraform.io/builtin/terraform\\\"]\"");
        assertThat(run("plan", "-detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void aChangedInputUpdatesInPlaceAndAChangedTriggerReplaces() throws Exception {
        apply(data("\"v1\"", "\"r1\""));
        String id = run("output", "-raw", "id").out();

        Files.writeString(dir.resolve("main.tf"), data("\"v2\"", "\"r1\""));
        CliRun update = run("plan", "-no-color");
        assertThat(update.out())
                .contains("# terraform_data.x will be updated in-place")
                .contains("~ input            = \"v1\" -> \"v2\"")
                .contains("~ output           = \"v1\" -> (known after apply)")
                .contains("Plan: 0 to add, 1 to change, 0 to destroy.");
        apply(data("\"v2\"", "\"r1\""));
        assertThat(run("output", "-raw", "out").out()).isEqualTo("v2");
        assertThat(run("output", "-raw", "id").out()).isEqualTo(id);

        Files.writeString(dir.resolve("main.tf"), data("\"v2\"", "\"r2\""));
        CliRun replace = run("plan", "-no-color");
        assertThat(replace.out())
                .contains("# terraform_data.x must be replaced")
                .contains("~ triggers_replace = \"r1\" -> \"r2\" # forces replacement")
                .contains("Plan: 1 to add, 0 to change, 1 to destroy.");
        apply(data("\"v2\"", "\"r2\""));
        assertThat(run("output", "-raw", "id").out()).matches(UUID).isNotEqualTo(id);
        assertThat(run("output", "-raw", "out").out()).isEqualTo("v2");
    }

    @Test
    void anInputKnownOnlyAfterApplyGivesAnOutputKnownAfterApply() throws Exception {
        String config = """
                resource "terraform_data" "first" {
                  input = "a"
                }
                resource "terraform_data" "second" {
                  input = terraform_data.first.id
                }
                output "second" {
                  value = terraform_data.second.output
                }
                output "first_id" {
                  value = terraform_data.first.id
                }
                """;
        Files.writeString(dir.resolve("main.tf"), config);
        CliRun plan = run("plan", "-no-color");
        assertThat(plan.out()).contains("+ input  = (known after apply)").contains("+ second   = (known after apply)");
        apply(config);
        assertThat(run("output", "-raw", "second").out())
                .isEqualTo(run("output", "-raw", "first_id").out())
                .matches(UUID);
    }

    @Test
    void importAdoptsAnObjectByIdAsTerraformDoes() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"x\" {}\n");
        CliRun imported = run("import", "-no-color", "terraform_data.x", "adopted-1");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(run("state", "show", "-no-color", "terraform_data.x").out()).contains("id = \"adopted-1\"");
        assertThat(run("plan", "-detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void thePlanJsonNamesTheBuiltInProvider() throws Exception {
        Files.writeString(dir.resolve("main.tf"), data("1", "null"));
        assertThat(run("plan", "-out", "p.plan").exitCode()).isZero();
        assertThat(run("show", "-json", "p.plan").out())
                .contains("\"provider_name\":\"terraform.io/builtin/terraform\"")
                .contains("\"full_name\":\"terraform.io/builtin/terraform\"");
    }
}
