package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One repository of modules pinned per environment: environments written partly in Terraform's JSON
 * syntax, with JSON variable files and an override, install the module from git at different tags.
 */
class ModuleSourcesIT {

    @TempDir
    Path tmp;

    static void git(Path in, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }

    static void release(Path repo, String tag, String suffix) throws Exception {
        Path module = repo.resolve("modules/cluster-network/main.tf");
        Files.createDirectories(module.getParent());
        Files.writeString(module, """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                variable "cluster" {}
                resource "testing_object" "t1" {
                  name = "${var.cluster}-%s"
                }
                output "name" {
                  value = testing_object.t1.name
                }
                """.formatted(suffix));
        git(repo, "add", "-A");
        git(repo, "commit", "--quiet", "-m", tag);
        git(repo, "tag", tag);
    }

    Workspace environment(String name, String tag) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.tf.json"), """
                {
                  "//": "one module repository, pinned per environment",
                  "terraform": {"required_providers": {"testing": {"source": "netform/testing"}}},
                  "variable": {"cluster": {"type": "string"}},
                  "module": {"network": {
                    "source": "git::file://%s//modules/cluster-network?ref=%s",
                    "cluster": "${var.cluster}"
                  }},
                  "output": {"t1": {"value": "${module.network.name}"}}
                }
                """.formatted(tmp.resolve("modules.git"), tag));
        Files.writeString(dir.resolve("terraform.tfvars.json"), "{\"cluster\": \"" + name + "\"}");
        return Workspace.inProcess(dir);
    }

    @Test
    void environmentsPinTheSameRepositoryAtDifferentTags() throws Exception {
        Path repo = tmp.resolve("modules.git");
        git(tmp, "init", "--quiet", "-b", "main", repo.toString());
        release(repo, "v1", "gw");
        release(repo, "v2", "tier1");

        Workspace prod = environment("prod", "v1");
        Files.writeString(prod.dir.resolve("region.auto.tfvars.json"), "{\"cluster\": \"prod-eu\"}");
        Workspace dev = environment("dev", "v2");
        Files.writeString(
                dev.dir.resolve("output_override.tf"),
                "output \"t1\" {\n  value = \"dev is ${module" + ".network.name}\"\n}\n");

        var notInstalled = prod.run("plan", "-no-color");
        assertThat(notInstalled.exitCode()).isEqualTo(1);
        assertThat(notInstalled.err()).contains("Module not installed", "netform init");

        assertThat(prod.ok("init", "-no-color").out())
                .contains(
                        "Downloading git::file://",
                        "- network in " + ".netform/modules/network/modules/cluster-network");
        assertThat(prod.ok("apply", "-auto-approve", "-no-color").out()).contains("t1 = \"prod-eu-gw\"");
        dev.ok("init", "-no-color");
        assertThat(dev.ok("apply", "-auto-approve", "-no-color").out()).contains("t1 = \"dev is dev-tier1\"");

        Files.writeString(
                prod.dir.resolve("main.tf.json"),
                Files.readString(prod.dir.resolve("main.tf.json")).replace("?ref=v1", "?ref=v2"));
        assertThat(prod.run("plan", "-no-color").err()).contains("Module source has changed");
        prod.ok("init", "-no-color");
        assertThat(prod.ok("plan", "-no-color").out())
                .contains("must be replaced")
                .contains("\"prod-eu-gw\" -> \"prod-eu-tier1\"");
    }
}
