package io.netform.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.hcl.Diagnostic;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.plugins.ProviderException;
import io.netform.walk.FakeProvider;
import io.netform.walk.FakeWalks;
import io.netform.walk.ProviderStarter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaValidationTest {

    @TempDir
    Path dir;

    private List<String> validate(String config, ProviderStarter factory) throws IOException {
        Files.writeString(dir.resolve("main.tf"), config);
        Files.writeString(dir.resolve("providers.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                """);
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConfigGraph graph = ConfigGraphBuilder.build(loaded.root()).into(diagnostics);
        assertThat(diagnostics).isEmpty();
        return FakeWalks.shown(SchemaValidation.run(
                graph, factory, FunctionTable.pureOnly(FunctionRegistry.terraform(dir, new TemplateFiles()))));
    }

    private List<String> validate(String config) throws IOException {
        FakeProvider provider = new FakeProvider();
        return validate(config, source -> provider);
    }

    @Test
    void aConfigurationThatFitsTheSchemasIsValidWhateverItsReferencesWillBe() throws IOException {
        assertThat(validate("""
                variable "names" {
                  type = list(string)
                }
                resource "testing_object" "a" {
                  count = length(var.names)
                  name  = upper(var.names[count.index])
                  value = "${testing_object.b.id}-x"
                }
                resource "testing_object" "b" {
                  name = "b"
                }
                data "testing_echo" "e" {
                  input = { list = var.names }
                }
                """)).isEmpty();
    }

    @Test
    void typeIsAFunctionOfTheConsoleOnly() throws IOException {
        assertThat(validate("""
                resource "testing_object" "a" {
                  name = type("a")
                }
                """))
                .containsExactly(
                        "error main.tf:2:10: Call to unknown function: " + "There is no function named \"type\".");
    }

    @Test
    void anUnknownTypeAnUnexpectedArgumentAMissingOneAndAWrongValueAreErrorsAtTheirPlace() throws IOException {
        assertThat(validate("""
                resource "testing_objekt" "a" {
                  name = "a"
                }
                resource "testing_object" "b" {
                  name  = "b"
                  valeu = "x"
                }
                resource "testing_object" "c" {
                  value = ["not", "a", "string"]
                }
                data "testing_nothing" "d" {
                }
                """))
                .containsExactlyInAnyOrder(
                        "error main.tf:1:27: Invalid resource type: The provider netform/testing does not support resource "
                                + "type \"testing_objekt\". Did you mean \"testing_object\"?",
                        "error main.tf:6:3: Unsupported argument: An argument named \"valeu\" is not expected here. Did you "
                                + "mean \"value\"?",
                        "error main.tf:8:31: Missing required argument: The argument \"name\" is required, but no definition "
                                + "was found.",
                        "error main.tf:9:11: Incorrect attribute value type: Inappropriate value for attribute \"value\": "
                                + "string required.",
                        "error main.tf:11:24: Invalid data source: The provider netform/testing does not support data source "
                                + "\"testing_nothing\".");
    }

    @Test
    void timestampIsUnknownInAPureOnlyTableSoNothingDependsOnTheMoment() throws IOException {
        // with a known timestamp, tonumber would fail: "2024-05-06T07:08:09Z" is not a number
        assertThat(validate("""
                resource "testing_object" "a" {
                  name  = "a"
                  value = tostring(tonumber(timestamp()))
                }
                """)).isEmpty();
    }

    @Test
    void aProviderThatCannotStartIsReportedOnceWithTheReason() throws IOException {
        assertThat(validate("""
                resource "testing_object" "a" {
                  name = "a"
                }
                resource "testing_object" "b" {
                  name = "b"
                }
                """, source -> {
                    throw new ProviderException("the lock file has no entry for it; run \"netform init\"");
                }))
                .singleElement()
                .asString()
                .startsWith("error ")
                .contains("Missing required provider")
                .contains("netform/testing")
                .contains("run \"netform init\"");
    }
}
