package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.policy.EdgeFabric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway spread over three availability zones, through the CLI run in-process against the
 * simulator in the test JVM: losing az-1 (through the simulator's fault endpoint) moves the
 * active context to another zone while traffic to the VIP and through SNAT still flows, and with
 * PREEMPTIVE it moves back when the zone returns; the node network reaches out through whichever
 * zone survives, and a zone whose edges do not join its transport zone is named by the check (and
 * drops its traffic once it runs the active context); bad zone variables stop the plan naming the
 * variable.
 */
class ZoneFailureIT {

    @TempDir
    Path root;

    @Test
    void losingAZoneFailsOverAndItsReturnPreempts() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWithTestConfiguration(root, "zones")) {
            Workspace w = initialized(nsx);
            NetformProcess.Result applied = w.ok("apply", "-auto-approve", "-no-color");
            assertThat(applied.out())
                    .contains("active_zone = \"zone-a\"")
                    .contains("standby_failure_domain = \"az-3\"")
                    .contains("to_vip = \"DELIVERED\"")
                    .contains("through_snat = \"DELIVERED\"")
                    .contains("module.zones.check.active_and_standby_in_different_zones: passed");

            nsx.failFailureDomains("az-1");
            NetformProcess.Result failed = w.ok("apply", "-auto-approve", "-no-color");
            assertThat(failed.out())
                    .contains("active_zone = \"zone-c\"")
                    .contains("to_vip = \"DELIVERED\"")
                    .contains("through_snat = \"DELIVERED\"");
            // The standby is gone with its zone: the check says so, without failing the run.
            assertThat(failed.err()).contains("must run in two different zones of var.zones");

            nsx.failFailureDomains();
            NetformProcess.Result restored = w.ok("apply", "-auto-approve", "-no-color");
            assertThat(restored.out())
                    .contains("active_zone = \"zone-a\"")
                    .contains("standby_failure_domain = \"az-3\"");
        }
    }

    @Test
    void theNodeNetworkReachesOutThroughEverySurvivingZoneAndAZoneOutsideItsTransportZoneIsNamed() throws Exception {
        try (NsxTestBed nsx = NsxTestBed.startWithTestConfiguration(root, "zones")) {
            Workspace w = initialized(nsx);
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("module.zones.check.segments_reachable_from_every_zone: passed");

            for (String zone : List.of("az-1", "az-2", "az-3")) {
                nsx.failFailureDomains(zone);
                assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                        .as("with %s down", zone)
                        .contains("through_snat = \"DELIVERED\"")
                        .contains("to_vip = \"DELIVERED\"");
            }
            nsx.failFailureDomains();

            // An administrator takes az-3's edges, where the standby context runs, out of the overlay transport zone.
            for (EdgeFabric.EdgeNode edge : EdgeFabric.members(EdgeFabric.CLUSTER_PATH)) {
                if (edge.failureDomainId().equals("az-3")) {
                    ObjectNode switchSpec = NsxTestBed.object();
                    switchSpec
                            .putObject("switch_spec")
                            .putArray("switches")
                            .addObject()
                            .put("switch_name", "nsxHostSwitch");
                    nsx.patch(edge.transportNodePath(), switchSpec);
                }
            }
            NetformProcess.Result outside = w.ok("apply", "-auto-approve", "-no-color");
            assertThat(outside.out()).contains("through_snat = \"DELIVERED\"");
            assertThat(outside.err())
                    .contains("must be reachable through the edges of every zone of var.zones")
                    .contains("zone zone-c (edge-az3-a, edge-az3-b not in it)")
                    .doesNotContain("zone zone-a (")
                    .doesNotContain("zone zone-b (");

            nsx.failFailureDomains("az-1");
            assertThat(w.ok("apply", "-auto-approve", "-no-color").out())
                    .contains("active_zone = \"zone-c\"")
                    .contains("through_snat = \"DROPPED\"")
                    .contains("to_vip = \"DROPPED\"");
        }
    }

    @Test
    void zonesSharingAFailureDomainOrTooFewZonesAreRefusedNamingTheVariable() throws Exception {
        copyModule(root);
        Path config = root.resolve("bad");
        Files.createDirectories(config);
        Files.writeString(config.resolve("main.tf"), """
                terraform {
                  required_providers {
                    nsxt = { source = "vmware/nsxt" }
                  }
                }
                provider "nsxt" {
                  host = "embedded"
                }
                module "shared" {
                  source              = "../modules/edge-placement"
                  zones               = { a = { failure_domain = "az-1" }, b = { failure_domain = "az-1" } }
                  edge_cluster_name   = "edge-cluster-az"
                  gateway_path        = "/infra/tier-1s/t1"
                  transport_zone_path = "/infra/sites/default/enforcement-points/default/transport-zones/tz"
                }
                module "single" {
                  source              = "../modules/edge-placement"
                  zones               = { a = { failure_domain = "az-1" } }
                  edge_cluster_name   = "edge-cluster-az"
                  gateway_path        = "/infra/tier-1s/t1"
                  transport_zone_path = "/infra/sites/default/enforcement-points/default/transport-zones/tz"
                }
                """);
        Workspace w = Workspace.inProcess(config);
        w.ok("init", "-no-color");

        NetformProcess.Result plan = w.run("plan", "-no-color");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err())
                .contains("var.zones: two zones have the same failure domain")
                .contains("var.zones: an edge cluster needs at least two zones");
    }

    /** The zones configuration with its module, initialized against the simulator. */
    private Workspace initialized(NsxTestBed nsx) throws Exception {
        copyModule(root);
        Workspace w = nsx.inProcessWorkspace();
        w.ok("init", "-no-color");
        return w;
    }

    private static void copyModule(Path root) throws IOException {
        Path source = NsxTestBed.repository().resolve("modules/edge-placement");
        Path target = root.resolve("modules/edge-placement");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
