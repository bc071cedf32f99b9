package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * modules/microsegmentation through the CLI run in-process and the nsxt provider with its embedded simulator:
 * the example applies, converges and is destroyed; a wrong variable stops the plan with its message.
 */
class MicrosegmentationIT {

    private static final Path SOURCES =
            NetformProcess.home().resolve("../../..").normalize();

    @TempDir
    Path dir;

    @Test
    void theExampleAppliesEverySectionAndTheExclusionsAndConverges() throws Exception {
        Workspace w = Workspace.inProcess(copy("examples/microsegmentation"));
        w.ok("init");

        w.ok("plan", "-no-color", "-out=tfplan");
        JsonNode plan = PlanJsonContract.show(w, "tfplan");
        assertThat(plan.path("resource_changes"))
                .filteredOn(rc -> rc.path("mode").asText().equals("managed"))
                .hasSize(19)
                .allMatch(rc -> rc.path("change").path("actions").toString().equals("[\"create\"]"));
        var applied = w.ok("apply", "-no-color", "tfplan");

        assertThat(applied.out())
                .contains("Apply complete! Resources: 19 added, 0 changed, 0 destroyed.")
                .contains("\"Emergency\" = \"/infra/domains/default/security-policies/microseg-emergency\"")
                .contains("\"Application\" = \"/infra/domains/default/security-policies/microseg-application\"")
                .contains("\"/infra/domains/default/groups/microseg-mgmt-nsx_manager\"")
                .contains("\"/infra/domains/default/groups/microseg-mgmt-vcenter\"")
                .contains("\"/infra/domains/default/groups/scanners\"");
        assertThat(categories(w.state()))
                .containsExactlyInAnyOrder("Emergency", "Infrastructure", "Environment", "Application");
        assertThat(w.run("plan", "-detailed-exitcode", "-no-color").exitCode())
                .as("a second plan has nothing to do")
                .isZero();
        assertThat(w.ok("destroy", "-auto-approve", "-no-color").out())
                .contains("Destroy complete! Resources: 19 destroyed.");
    }

    @Test
    void anInvalidVariableStopsThePlanWithTheModulesMessage() throws Exception {
        copy("examples/microsegmentation");
        Path root = dir.resolve("examples/wrong");
        Files.createDirectories(root);
        Files.writeString(root.resolve("main.tf"), """
                terraform {
                  required_providers {
                    nsxt = { source = "netform/nsxt" }
                  }
                }
                provider "nsxt" {
                  host = "embedded"
                }
                module "microsegmentation" {
                  source       = "../../modules/microsegmentation"
                  dns_servers  = ["10.0.0.353"]
                  environments = ["prod"]
                }
                """);
        Workspace w = Workspace.inProcess(root);
        w.ok("init");

        var plan = w.run("plan", "-no-color");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("dns_servers must hold at least one IPv4 address or CIDR.")
                .contains("environments must name at least two environments, each once.");
    }

    /** Copies the example and the modules it uses to the same relative places under the test directory. */
    private Path copy(String example) throws IOException {
        for (String tree : List.of(example, "modules/microsegmentation")) {
            Path target = dir.resolve(tree);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SOURCES.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return dir.resolve(example);
    }

    private static List<String> categories(JsonNode state) {
        List<String> found = new ArrayList<>();
        for (JsonNode resource : state.path("resources")) {
            if (resource.path("type").asText().equals("nsxt_policy_security_policy")) {
                resource.path("instances")
                        .forEach(i ->
                                found.add(i.path("attributes").path("category").asText()));
            }
        }
        return found;
    }
}
