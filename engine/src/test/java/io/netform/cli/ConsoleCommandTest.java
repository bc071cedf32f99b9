package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netform console} with piped input, as a CI script or a user's here-document feeds it. */
class ConsoleCommandTest {

    private static final String CONFIG = """
            variable "env" {
              default = "dev"
            }

            variable "secret" {
              default   = "s3cr3t"
              sensitive = true
            }

            locals {
              subnets = cidrsubnets("10.0.0.0/16", 8, 8)
              tags    = { env = var.env, team = "net" }
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), CONFIG);
    }

    private CliRun console(String input, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "console";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.withInput(dir, Map.of(), input, all);
    }

    @Test
    void evaluatesEachLineAgainstVariablesLocalsFunctionsAndTheWorkspace() {
        CliRun run = console("""
                var.env
                local.subnets

                local.tags
                terraform.workspace
                var.secret
                upper("x")
                exit
                var.env
                """);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                "dev"
                tolist([
                  "10.0.0.0/24",
                  "10.0.1.0/24",
                ])
                {
                  "env" = "dev"
                  "team" = "net"
                }
                "default"
                (sensitive value)
                "X"
                """);
    }

    @Test
    void anExpressionContinuesOverLinesWhileABracketOrHeredocIsOpen() {
        CliRun run = console("{\n  a = [1,\n    2]\n}\n<<EOT\nhi\nEOT\n", "-var", "env=prod");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("{\n  \"a\" = [\n    1,\n    2,\n  ]\n}\n<<EOT\nhi\n\nEOT\n");
    }

    @Test
    void variablesFromTheCommandLineAndTheSelectedWorkspaceAreSeen() {
        CliRun.run(dir, Map.of(), "workspace", "new", "qa");
        CliRun run = console("\"${var.env}-${terraform.workspace}\"\n", "-var", "env=prod");
        assertThat(run.out()).isEqualTo("\"prod-qa\"\n");
    }

    @Test
    void timestampIsTheTimeAsInTerraformsConsoleNotKnownAfterApplyAsInAPlan() {
        CliRun run = console("timestamp()\n");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"\n");
    }

    @Test
    void pipedInputStopsAtTheFirstErrorWithADiagnostic() {
        CliRun run = console("var.env\nvar.nope\nlocal.tags\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("\"dev\"\n");
        assertThat(run.err()).contains("Error: ").contains("nope").contains("<console-input>");
    }

    @Test
    void aSyntaxErrorIsADiagnosticNotACrash() {
        CliRun run = console("1 +\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: ").doesNotContain("Exception");
    }

    @Test
    void typeShowsTheTypeOfAnExpressionAsTerraformsConsolePrintsIt() {
        CliRun run = console("""
                type(var.env)
                type(local.subnets)
                type(local.tags)
                type([1, "a"])
                type(var.secret)
                type(null)
                core::type(true)
                """);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                string
                list(string)
                object({
                    env: string,
                    team: string,
                })
                tuple([
                    number,
                    string,
                ])
                string
                dynamic
                bool
                """);
    }

    @Test
    void typeUsedInsideALargerExpressionIsRefused() {
        CliRun run = console("[type(1)]\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("Invalid use of type function")
                .contains("The console-only \"type\" function cannot be used as part of an expression.");
    }

    @Test
    void typeIsNotAFunctionInAPlan() throws Exception {
        Files.writeString(dir.resolve("main.tf"), CONFIG + """
                output "kind" {
                  value = type(var.env)
                }
                """);
        CliRun run = CliRun.run(dir, "plan", "-no-color");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Error: main.tf:15:11: Call to unknown function")
                .contains("There is no function named \"type\".");
    }

    @Test
    void withPlanExpressionsSeeThePlanWhereTimestampIsKnownOnlyAfterApply() {
        CliRun run = console("timestamp()\nlocal.tags.env\n", "-plan", "-var", "env=prod");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("(known after apply)\n\"prod\"\n");
    }

    @Test
    void knowsWhenAnExpressionIsUnfinished() {
        assertThat(ConsoleSession.needsMoreInput("[1,\n")).isTrue();
        assertThat(ConsoleSession.needsMoreInput("{ a = f(\n")).isTrue();
        assertThat(ConsoleSession.needsMoreInput("<<EOT\nhello\n")).isTrue();
        assertThat(ConsoleSession.needsMoreInput("<<EOT\nhello\nEOT\n")).isFalse();
        assertThat(ConsoleSession.needsMoreInput("\"${var.a}\"\n")).isFalse();
        assertThat(ConsoleSession.needsMoreInput("[1]]\n")).isFalse();
    }
}
