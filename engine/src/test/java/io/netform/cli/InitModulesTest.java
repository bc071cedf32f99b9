package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} installs modules from git repositories (local ones the test makes) and later commands load them. */
class InitModulesTest {

    @TempDir
    Path tmp;

    Path repo;
    Path dir;

    @BeforeEach
    void repositoryWithTwoTags() throws Exception {
        repo = tmp.resolve("network.git");
        dir = tmp.resolve("env");
        Files.createDirectories(dir);
        git(tmp, "init", "--quiet", "-b", "main", repo.toString());
        commit("one");
        git(repo, "tag", "v1");
        commit("two");
        git(repo, "tag", "v2");
    }

    void commit(String version) throws Exception {
        Path file = repo.resolve("modules/net/main.tf");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "output \"version\" {\n  value = \"" + version + "\"\n}\n");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", version);
    }

    static void git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }

    String source(String query) {
        return "git::file://" + repo + "//modules/net" + query;
    }

    void configure(String... sources) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sources.length; i++) {
            text.append("module \"m")
                    .append(i)
                    .append("\" {\n  source = \"")
                    .append(sources[i])
                    .append("\"\n}\n");
        }
        Files.writeString(dir.resolve("main.tf"), text);
    }

    /** The value each child module's output has, in call order. */
    List<String> versions() {
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        List<String> versions = new ArrayList<>();
        for (Module child : loaded.root().children().values()) {
            Value v = Evaluator.evaluate(child.outputs().get("version").value(), Scope.of(Map.of(), Functions.NONE))
                    .value();
            versions.add(v.asString());
        }
        return versions;
    }

    @Test
    void modulesPinnedToDifferentRefsOfOneRepositoryLoadDifferentContent() throws Exception {
        configure(source("?ref=v1"), source("?ref=v2"), source("?ref=v1&depth=1"));
        CliRun init = CliRun.run(dir, "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out())
                .contains(
                        "Initializing modules...",
                        "Downloading " + source("?ref=v1") + " for m0...",
                        "- m0 in .netform/modules/m0/modules/net");
        assertThat(versions()).containsExactly("one", "two", "one");
        LoadResult fromDisk = ModuleLoader.load(dir);
        LoadResult fromSnapshot = ModuleLoader.load(dir, fromDisk.sources());
        assertThat(fromSnapshot.diagnostics())
                .as("a plan file keeps the modules it was made from")
                .isEmpty();
        assertThat(fromSnapshot.root().children()).containsOnlyKeys("m0", "m1", "m2");
        var manifest = new ObjectMapper()
                .readTree(dir.resolve(".netform/modules/modules.json").toFile());
        assertThat(manifest.get("Modules"))
                .extracting(m -> m.get("Key").asText() + " " + m.get("Source").asText() + " "
                        + m.get("Dir").asText())
                .containsExactly(
                        "  .",
                        "m0 " + source("?ref=v1") + " .netform/modules/m0/modules/net",
                        "m1 " + source("?ref=v2") + " .netform/modules/m1/modules/net",
                        "m2 " + source("?ref=v1&depth=1") + " .netform/modules/m2/modules/net");
    }

    @Test
    void withoutInitAModuleIsNotInstalledAndAChangedSourceNeedsInitAgain() throws Exception {
        configure(source("?ref=v1"));
        CliRun plan = CliRun.run(dir, "validate");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains(
                        "Module not installed",
                        "main.tf:1:8",
                        "This module is not yet installed. Run \"netform init\" to install all modules required by this "
                                + "configuration.");
        assertThat(CliRun.run(dir, "init").exitCode()).isZero();
        configure(source("?ref=v2"));
        CliRun changed = CliRun.run(dir, "validate");
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).contains("Module source has changed");
    }

    @Test
    void initKeepsAnInstalledModuleAndUpgradeFetchesItAgain() throws Exception {
        configure(source("?ref=main"));
        assertThat(CliRun.run(dir, "init").exitCode()).isZero();
        commit("three");
        assertThat(CliRun.run(dir, "init").exitCode()).isZero();
        assertThat(versions()).containsExactly("two");
        CliRun upgrade = CliRun.run(dir, "init", "-upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(versions()).containsExactly("three");
    }

    @Test
    void anAbsolutePathIsInstalledByInitAndLocalModulesInsideAGitModuleResolveThere() throws Exception {
        Files.createDirectories(repo.resolve("modules/wrapper"));
        Files.writeString(repo.resolve("modules/wrapper/main.tf"), "module \"inner\" {\n  source = \"../net\"\n}\n");
        commit("four");
        configure(repo.resolve("modules/net").toString(), "git::file://" + repo + "//modules/wrapper");
        CliRun init = CliRun.run(dir, "init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("- m1.inner in .netform/modules/m1/modules/net");
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.root().children().get("m1").children().get("inner").outputs())
                .containsKey("version");
        assertThat(Files.isSymbolicLink(dir.resolve(".netform/modules/m0"))).isTrue();
        assertThat(loaded.root().children().get("m0").outputs()).containsKey("version");
    }

    @Test
    void aModuleOfAGitPackageCannotCallOutsideThePackageByPath() throws Exception {
        Files.createDirectories(repo.resolve("modules/escape"));
        Files.writeString(repo.resolve("modules/escape/main.tf"), "module \"out\" {\n  source = \"../../../m1\"\n}\n");
        commit("five");
        configure("git::file://" + repo + "//modules/escape");
        CliRun init = CliRun.run(dir, "init");
        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err())
                .contains(
                        "Invalid module source address",
                        "The relative path \"../../../m1\" traverses outside of the module package it is called from");
    }

    @Test
    void registrySourcesVersionsAndOtherGettersAreClearErrors() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                module "consul" {
                  source  = "hashicorp/consul/aws"
                }
                module "pinned" {
                  source  = "./local"
                  version = "1.2.0"
                }
                module "archive" {
                  source = "s3::https://s3.amazonaws.com/bucket/net.zip"
                }
                """);
        Files.createDirectories(dir.resolve("local"));
        CliRun init = CliRun.run(dir, "init");
        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err())
                .contains(
                        "main.tf:2:13",
                        "Module registry sources are not supported",
                        "git::https://github.com/hashicorp/terraform-aws-consul.git?ref=",
                        "main.tf:6:3",
                        "Module version constraints are not supported",
                        "main.tf:9:12",
                        "\"s3::\" sources");
    }
}
