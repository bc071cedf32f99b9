package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.nsxsim.seed.NsxExportMain;
import io.netform.nsxsim.seed.PolicySeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pre-merge check against production's actual objects: the standalone simulator plays the real NSX,
 * a stack is applied to it through the provider, {@code nsx-sim export} reads (GET only) what the state
 * refers to, and a copy of the stack with its state, pointed at the embedded simulator seeded from the
 * export, plans no changes, refresh-only included.
 */
class SimulatorSeedIT {

    @TempDir
    Path root;

    @Test
    void aStackPlansNoChangesAgainstAnEmbeddedSimulatorSeededFromItsManager() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWithTestConfiguration(root, "prod-firewall")) {
            Workspace prod = nsx.inProcessWorkspace();
            prod.ok("init", "-no-color");
            prod.ok("apply", "-auto-approve", "-no-color");

            nsx.simulator.requests().reset();
            Path export = root.resolve("prod-export.json");
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            PolicySeed seed = NsxExportMain.run(
                    NsxExportMain.parse(new String[] {
                        "--manager", nsx.simulator.baseUrl().toString(),
                        "--state", nsx.example.resolve("terraform.tfstate").toString(),
                        "--out", export.toString()
                    }),
                    nsx.workspaceEnvironment(Map.of()),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(report, true, StandardCharsets.UTF_8));
            assertThat(nsx.simulator.requests().byRequest().keySet())
                    .isNotEmpty()
                    .allMatch(request -> request.startsWith("GET "));
            assertThat(seed.objects())
                    .extracting(o -> o.path("path").asText())
                    .contains(
                            "/infra/tier-1s/prod-t1",
                            "/infra/tier-1s/prod-t1/locale-services/default",
                            "/infra/segments/prod-app",
                            "/infra/domains/default/security-policies/prod-app");

            Path premerge = root.resolve("premerge");
            Files.createDirectories(premerge);
            Files.copy(nsx.example.resolve("main.tf"), premerge.resolve("main.tf"));
            Files.copy(nsx.example.resolve("terraform.tfstate"), premerge.resolve("terraform.tfstate"));
            Files.writeString(premerge.resolve("seed_override.tf"), """
                    provider "nsxt" {
                      host = "embedded"
                      seed = "../prod-export.json"
                    }
                    """);
            Workspace test = Workspace.inProcess(premerge, Map.of("TF_VAR_nsx_manager", "embedded"));
            test.ok("init", "-no-color");
            NetformProcess.Result plan = test.run("plan", "-detailed-exitcode", "-no-color");
            assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
            assertThat(plan.out()).contains("No changes. Your infrastructure matches the configuration.");
            NetformProcess.Result drift = test.run("plan", "-refresh-only", "-detailed-exitcode", "-no-color");
            assertThat(drift.exitCode()).as(drift.out() + drift.err()).isZero();
        }
    }
}
