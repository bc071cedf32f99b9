package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when NSX refuses: NSX's own message and the address of the resource that
 * asked, from the CLI run in-process against the standalone simulator.
 */
class NsxErrorsIT {

    /** With nothing in state, a plan's first calls to NSX are the module's lookups, in no fixed order. */
    private static final String FIRST_LOOKUP = "with module\\.cluster\\.data\\.nsxt_policy_\\w+\\.\\w+";

    @TempDir
    Path root;

    @Test
    void aSubnetOverlappingAnotherNamesTheResourceAndTheOverlap() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.start(root)) {
            Workspace w = nsx.inProcessWorkspace();
            w.ok("init", "-no-color");
            w.ok("apply", "-auto-approve", "-no-color");
            Files.writeString(nsx.example.resolve("overlap.tf"), """
                    resource "nsxt_policy_ip_pool_static_subnet" "overlap" {
                      display_name = "overlap"
                      pool_path    = module.cluster.external_pool_path
                      cidr         = "192.168.100.128/25"
                      allocation_range {
                        start = "192.168.100.130"
                        end   = "192.168.100.140"
                      }
                    }
                    """);
            NetformProcess.Result apply = w.run("apply", "-auto-approve", "-no-color");
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.out() + apply.err())
                    .contains("nsxt_policy_ip_pool_static_subnet.overlap")
                    .contains("overlaps 192.168.100.0/24")
                    .contains("500105");
            assertThat(nsx.ids("/infra/ip-pools/dev-external/ip-subnets")).containsExactly("dev-external");
        }
    }

    @Test
    void aMissingTier0IsRefusedWithNsxsMessage() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.start(root)) {
            Workspace w = nsx.inProcessWorkspace(Map.of("TF_VAR_tier0_path", "/infra/tier-0s/missing"));
            w.ok("init", "-no-color");
            NetformProcess.Result apply = w.run("apply", "-auto-approve", "-no-color");
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.out() + apply.err())
                    .contains("module.cluster.nsxt_policy_tier1_gateway.cluster")
                    .contains("The path=[/infra/tier-0s/missing] is invalid")
                    .contains("500012");
            assertThat(nsx.ids("/infra/tier-1s")).isEmpty();
        }
    }

    @Test
    void wrongCredentialsAreReportedWithoutThePassword() throws Exception {
        assertThat(failedPlan(Map.of("NSXT_PASSWORD", "not-the-password"), true))
                .contains("The credentials were incorrect or the account specified has been locked.")
                .doesNotContain("not-the-password");
    }

    @Test
    void anUntrustedCertificateSaysHowToTrustIt() throws Exception {
        assertThat(failedPlan(Map.of("NSXT_CA_FILE", ""), false))
                .contains("is not trusted")
                .contains("Set ca_file or ca");
    }

    /**
     * What a plan with the connection settings overridden prints; it must fail at a lookup of the
     * module. With {@code showSaved}, the plan saved for inspection is shown as JSON, which must say it failed.
     */
    private String failedPlan(Map<String, String> overrides, boolean showSaved) throws Exception {
        try (NsxTestBed nsx = NsxTestBed.start(root)) {
            Workspace w = nsx.inProcessWorkspace(overrides);
            w.ok("init", "-no-color");
            NetformProcess.Result plan = w.run("plan", "-no-color", "-out=tfplan");
            assertThat(plan.exitCode()).isEqualTo(1);
            assertThat(plan.out() + plan.err()).containsPattern(FIRST_LOOKUP);
            if (showSaved) {
                PlanJsonContract.show(w, "tfplan", PlanJsonContract.Outcome.ERRORED);
            }
            return plan.out() + plan.err();
        }
    }
}
