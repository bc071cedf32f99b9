package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.VariableInputs.Assignment;
import io.netform.config.VariableInputs.VarFile;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variable files in both syntaxes, taken in Terraform's order of precedence. */
class VariableFilesTest {

    @TempDir
    Path dir;

    Module root;

    @BeforeEach
    void configuration() throws IOException {
        Files.writeString(dir.resolve("variables.tf"), """
                variable "a" { default = "default" }
                variable "b" { default = "default" }
                variable "c" { default = "default" }
                variable "d" { default = "default" }
                variable "e" { default = "default" }
                variable "zones" {
                  type    = list(string)
                  default = []
                }
                """);
        root = ModuleLoader.load(dir).root();
    }

    Map<String, Value> resolve(Map<String, String> env, VariableInputs.Argument... args) {
        var result = VariableInputs.resolve(root, dir, env, List.of(args), VariableInputsTest.LENGTH);
        assertThat(VariableInputsTest.errors(result)).isEmpty();
        return result.values();
    }

    @Test
    void anAutoTfvarsJsonFileIsRead() throws IOException {
        Files.writeString(dir.resolve("net.auto.tfvars.json"), "{\"a\": \"from-json\", \"zones\": [\"x\", \"y\"]}");
        Map<String, Value> values = resolve(Map.of());
        assertThat(values.get("a")).isEqualTo(Value.string("from-json"));
        assertThat(values.get("zones").elements()).containsExactly(Value.string("x"), Value.string("y"));
    }

    @Test
    void precedenceIsEnvironmentTfvarsTfvarsJsonAutoFilesInNameOrderThenTheCommandLine() throws IOException {
        Files.writeString(
                dir.resolve("terraform.tfvars"),
                "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n" + "d = \"tfvars\"\ne = \"tfvars\"\n");
        Files.writeString(
                dir.resolve("terraform.tfvars.json"),
                "{\"b\": \"tfvars.json\", \"c\": \"tfvars.json\", "
                        + "\"d\": \"tfvars.json\", \"e\": \"tfvars.json\"}");
        Files.writeString(
                dir.resolve("a.auto.tfvars.json"),
                "{\"c\": \"a.auto.json\", \"d\": \"a.auto.json\", " + "\"e\": \"a.auto.json\"}");
        Files.writeString(dir.resolve("b.auto.tfvars"), "d = \"b.auto\"\ne = \"b.auto\"\n");
        Files.writeString(dir.resolve("cli.json"), "{\"e\": \"cli.json\", \"zones\": [\"${not-a-template}\"]}");
        Map<String, Value> values = resolve(
                Map.of("TF_VAR_a", "env", "TF_VAR_b", "env", "TF_VAR_zones", "[\"env\"]"),
                new Assignment("e=cli"),
                new VarFile(Path.of("cli.json")));
        assertThat(values.get("a")).isEqualTo(Value.string("tfvars"));
        assertThat(values.get("b")).isEqualTo(Value.string("tfvars.json"));
        assertThat(values.get("c")).isEqualTo(Value.string("a.auto.json"));
        assertThat(values.get("d")).isEqualTo(Value.string("b.auto"));
        assertThat(values.get("e")).isEqualTo(Value.string("cli.json"));
        assertThat(values.get("zones").elements()).containsExactly(Value.string("${not-a-template}"));
    }

    @Test
    void aBrokenJsonFileIsAnErrorAtItsLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("x.auto.tfvars.json"), "{\n  \"a\": \"x\",\n}\n");
        var result = VariableInputs.resolve(root, dir, Map.of(), List.of(), VariableInputsTest.LENGTH);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Trailing comma in object");
            assertThat(d.subject()).hasToString("x.auto.tfvars.json:3:1");
        });
    }
}
