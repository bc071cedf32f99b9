package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/environments} as its README brings it up, the CLI in-process: the platform first, then
 * dev (local state) and test (state in a real PostgreSQL by {@code -backend-config}) on the NSX simulator
 * embedded in their provider, and prod (PostgreSQL by {@code PG_CONN_STR}) pointed at the simulator
 * serving HTTPS in the test JVM, as at a real manager; each reads the platform's outputs through
 * {@code terraform_remote_state}, passes its checks and plans empty afterwards. Prod then loses zone
 * az-1: its services move to the standby zone, isolation still holds, and they move back (PREEMPTIVE)
 * when the zone returns. Then the platform and all three environments on one manager: each one's
 * sections apply only to its own workloads, so traffic within each environment is delivered and
 * traffic between them dropped.
 */
class EnvironmentsIT {

    @TempDir
    Path root;

    @Test
    void thePlatformThenEachEnvironmentAppliesPassesItsChecksAndPlansEmpty() throws Exception {
        Path environments = copyEnvironments();
        PostgresServer.Database database = PostgresServer.shared().newDatabase();

        // Without the platform's state there is nothing to read the address plan from.
        Workspace dev = Workspace.inProcess(environments.resolve("dev"));
        dev.ok("init", "-no-color");
        NetformProcess.Result early = dev.run("plan", "-no-color");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains("Unable to find remote state");

        Workspace platform = Workspace.inProcess(environments.resolve("platform"));
        platform.ok("init", "-no-color");
        platform.ok("apply", "-auto-approve", "-no-color");

        NetformProcess.Result devApplied = dev.ok("apply", "-auto-approve", "-no-color");
        assertThat(devApplied.out())
                .contains("pod_ip_block_cidr = \"10.240.0.0/20\"")
                .contains("external_cidr = \"192.168.100.0/27\"")
                .contains("check.environments_are_isolated: passed");
        assertPlansEmpty(dev);
        assertThat(environments.resolve("dev/terraform.tfstate")).exists();

        Workspace test = Workspace.inProcess(environments.resolve("test"));
        test.ok("init", "-no-color", "-backend-config=conn_str=" + database.connStr());
        NetformProcess.Result testApplied = test.ok("apply", "-auto-approve", "-no-color");
        assertThat(testApplied.out())
                .contains("pod_ip_block_cidr = \"10.241.0.0/18\"")
                .contains("check.environments_are_isolated: passed");
        assertPlansEmpty(test);

        try (NsxTestBed nsx = NsxTestBed.start(root.resolve("manager"))) {
            Workspace prod = Workspace.inProcess(
                    environments.resolve("prod"), nsx.workspaceEnvironment(Map.of("PG_CONN_STR", database.connStr())));
            bringUpProdAndLoseAZone(prod, nsx);
            assertThat(test.ok("state", "list").out()).contains("module.cluster.nsxt_policy_tier1_gateway.cluster");
            assertThat(prod.ok("state", "list").out()).contains("module.cluster.nsxt_policy_tier1_gateway.cluster");
        }

        // test and prod keep their state in PostgreSQL, each in its own schema, none beside the configuration.
        assertThat(environments.resolve("test/terraform.tfstate")).doesNotExist();
        assertThat(environments.resolve("prod/terraform.tfstate")).doesNotExist();
        assertThat(Files.readString(environments.resolve("platform/terraform.tfstate")))
                .contains("platform-prod-pods");
    }

    @Test
    void theThreeEnvironmentsShareOneManagerDeliveringWithinEachAndDroppingBetweenThem() throws Exception {
        Path environments = copyEnvironments();
        PostgresServer.Database database = PostgresServer.shared().newDatabase();
        try (NsxTestBed nsx = NsxTestBed.start(root.resolve("manager"))) {
            Map<String, String> env = nsx.workspaceEnvironment(Map.of("PG_CONN_STR", database.connStr()));
            for (String stack : List.of("platform", "dev", "test", "prod")) {
                Workspace workspace = Workspace.inProcess(environments.resolve(stack), env);
                workspace.ok("init", "-no-color");
                NetformProcess.Result applied = workspace.ok("apply", "-auto-approve", "-no-color");
                if (!stack.equals("platform")) {
                    assertThat(applied.out()).as(stack).contains("check.environments_are_isolated: passed");
                }
            }

            Map<String, String> servers = Map.of("dev", "172.16.0.11", "test", "172.16.16.11", "prod", "172.16.32.11");
            for (String environment : servers.keySet()) {
                JsonNode within = lastHop(nsx, environment, servers.get(environment));
                assertThat(within.path("resource_type").asText())
                        .as("%s -> %s", environment, environment)
                        .isEqualTo("TraceflowObservationDelivered");
            }
            for (List<String> pair : List.of(List.of("dev", "prod"), List.of("prod", "test"), List.of("test", "dev"))) {
                JsonNode between = lastHop(nsx, pair.get(0), servers.get(pair.get(1)));
                assertThat(between.path("resource_type").asText())
                        .as("%s -> %s", pair.get(0), pair.get(1))
                        .isEqualTo("TraceflowObservationDropped");
                assertThat(between.path("acl_rule_path").asText())
                        .startsWith(
                                "/infra/domains/default/security-policies/" + pair.get(0) + "-microseg-environment/");
            }
        }
    }

    /** Copies the modules and examples/environments under root; returns the copy of the latter. */
    private Path copyEnvironments() throws java.io.IOException {
        NsxTestBed.copyTree(NsxTestBed.repository().resolve("modules"), root.resolve("modules"));
        Path environments = root.resolve("examples/environments");
        NsxTestBed.copyTree(NsxTestBed.repository().resolve("examples/environments"), environments);
        return environments;
    }

    /** The last observation of a TCP 443 traceflow from the environment's client probe to an address. */
    private static JsonNode lastHop(NsxTestBed nsx, String environment, String destination) {
        ObjectNode traceflow = NsxTestBed.object()
                .put(
                        "source_element_path",
                        "/infra/segments/" + environment + "-nodes/ports/" + environment + "-probe-client");
        ObjectNode packet = traceflow.putObject("packet").put("resource_type", "FieldsPacketData");
        packet.putObject("ip_header").put("dst_ip", destination);
        packet.putObject("transport_header")
                .putObject("tcp_header")
                .put("src_port", 40000)
                .put("dst_port", 443);
        nsx.patch("/infra/traceflows/between-environments", traceflow);
        JsonNode observations = nsx.get("/infra/traceflows/between-environments/observations")
                .orElseThrow()
                .path("results");
        return observations.get(observations.size() - 1);
    }

    private static void bringUpProdAndLoseAZone(Workspace prod, NsxTestBed nsx) throws Exception {
        prod.ok("init", "-no-color");
        NetformProcess.Result prodApplied = prod.ok("apply", "-auto-approve", "-no-color");
        assertThat(prodApplied.out())
                .contains("pod_ip_block_cidr = \"10.242.0.0/16\"")
                .contains("external_cidr = \"192.168.104.0/22\"")
                .contains("active_zone = \"az-1\"")
                .contains("standby_zone = \"az-3\"")
                .contains("check.environments_are_isolated: passed")
                .contains("module.zones.check.active_and_standby_in_different_zones: passed");
        assertPlansEmpty(prod);

        nsx.failFailureDomains("az-1");
        NetformProcess.Result failed = prod.ok("apply", "-auto-approve", "-no-color");
        assertThat(failed.out()).contains("active_zone = \"az-3\"").contains("check.environments_are_isolated: passed");
        // The standby went with its zone: the check says so, without failing the run.
        assertThat(failed.err()).contains("must run in two different zones of var.zones");

        nsx.failFailureDomains();
        NetformProcess.Result restored = prod.ok("apply", "-auto-approve", "-no-color");
        assertThat(restored.out())
                .contains("active_zone = \"az-1\"")
                .contains("standby_zone = \"az-3\"")
                .contains("module.zones.check.active_and_standby_in_different_zones: passed");
    }

    private static void assertPlansEmpty(Workspace environment) throws Exception {
        NetformProcess.Result plan = environment.run("plan", "-detailed-exitcode", "-no-color");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("No changes.").contains(", 0 failed.");
    }
}
