package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.VariableInputs.Assignment;
import io.netform.config.VariableInputs.VarFile;
import io.netform.hcl.Diagnostic;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.lang.function.Functions;
import io.netform.value.Type;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableInputsTest {

    static final Functions LENGTH = new FunctionTable(FunctionRegistry.terraform(Path.of(".")));

    @TempDir
    Path dir;

    Module root;

    @BeforeEach
    void configuration() throws IOException {
        Files.writeString(dir.resolve("variables.tf"), """
                variable "name" {}
                variable "replicas" {
                  type    = number
                  default = 1
                }
                variable "zones" {
                  type = list(string)
                  default = []
                }
                variable "labels" {
                  type    = map(string)
                  default = {}
                }
                variable "password" {
                  type      = string
                  default   = "changeme"
                  sensitive = true
                }
                variable "cluster" {
                  type     = string
                  default  = "dev"
                  nullable = false
                  validation {
                    condition     = length(var.cluster) <= 8
                    error_message = "The cluster name must be at most 8 characters."
                  }
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        root = loaded.root();
    }

    VariableInputs.Resolved resolve(Map<String, String> env, VariableInputs.Argument... args) {
        return VariableInputs.resolve(root, dir, env, List.of(args), LENGTH);
    }

    static List<String> errors(VariableInputs.Resolved r) {
        return r.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.summary() + ": " + d.detail())
                .toList();
    }

    @Test
    void laterSourcesOverrideEarlierOnes() throws IOException {
        Files.writeString(dir.resolve("terraform.tfvars"), "name = \"from-tfvars\"\nreplicas = 2\n");
        Files.writeString(dir.resolve("a.auto.tfvars"), "replicas = 3\n");
        Files.writeString(dir.resolve("b.auto.tfvars"), "replicas = 4\nzones = [\"a\", \"b\"]\n");
        Files.writeString(dir.resolve("extra.tfvars"), "labels = { env = \"dev\" }\n");
        var result = resolve(
                Map.of("TF_VAR_name", "from-env", "TF_VAR_replicas", "9"),
                new VarFile(Path.of("extra.tfvars")),
                new Assignment("name=from-cli"));
        assertThat(errors(result)).isEmpty();
        assertThat(result.values().get("name")).isEqualTo(Value.string("from-cli"));
        assertThat(result.values().get("replicas")).isEqualTo(Value.number(4));
        assertThat(result.values().get("zones").elements()).containsExactly(Value.string("a"), Value.string("b"));
        assertThat(result.values().get("labels").index("env")).isEqualTo(Value.string("dev"));
    }

    @Test
    void commandLineTextIsAStringOrAnExpressionByTheDeclaredType() {
        var result = resolve(
                Map.of("NETFORM_VAR_zones", "[\"x\"]"),
                new Assignment("name=[not, hcl]"),
                new Assignment("replicas=5"));
        assertThat(errors(result)).isEmpty();
        assertThat(result.values().get("name")).isEqualTo(Value.string("[not, hcl]"));
        assertThat(result.values().get("replicas")).isEqualTo(Value.number(5));
        assertThat(result.values().get("zones").type()).isEqualTo(Type.list(Type.STRING));
    }

    @Test
    void sensitiveVariablesAreMarkedAndNonNullableOnesUseTheirDefault() throws IOException {
        Files.writeString(dir.resolve("terraform.tfvars"), "name = \"x\"\ncluster = null\n");
        var result = resolve(Map.of());
        assertThat(result.values().get("password").isSensitive()).isTrue();
        assertThat(result.values().get("cluster")).isEqualTo(Value.string("dev"));
    }

    @Test
    void reportsMissingUndeclaredInvalidAndFailedValidation() throws IOException {
        Files.writeString(
                dir.resolve("terraform.tfvars"), "cluster = \"much-too-long\"\nreplicas = \"many\"\n" + "unused = 1\n");
        var result = resolve(Map.of(), new Assignment("nope=1"), new Assignment("broken"));
        assertThat(errors(result))
                .containsExactly(
                        "Value for undeclared variable: A variable named \"nope\" was assigned on the command line, but the "
                                + "root module does not declare a variable of that name. To use this value, add a "
                                + "\"variable\" block to the configuration.",
                        "Invalid -var option: The given -var option \"broken\" is not correctly specified. It must be a "
                                + "variable name and value separated by an equals sign, like -var=\"key=value\".",
                        "No value for required variable: The input variable \"name\" is not set, and has no default value. "
                                + "Use a -var or -var-file command line argument to provide a value for this variable.",
                        "Invalid value for input variable: The given value is not suitable for var.replicas declared at "
                                + "variables.tf:2:10: a number is required.",
                        "Invalid value for variable: The cluster name must be at most 8 characters.\n\nThis was checked by "
                                + "the validation rule at variables.tf:23:3.");
        assertThat(result.diagnostics())
                .anyMatch(d -> !d.isError()
                        && d.summary().equals("Value for undeclared variable")
                        && d.subject().toString().equals("terraform.tfvars:3:1"));
    }
}
