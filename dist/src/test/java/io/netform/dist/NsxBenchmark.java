package io.netform.dist;

import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.server.FaultSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Prints the NSX figures of issue 8: an apply of examples/dev scaled to 50 namespaces by the real
 * CLI and nsxt plugin against the standalone simulator answering every request after 20 ms; its
 * wall time, the NSX requests per resource (counted by the simulator), and the ratio of the apply
 * phase to the lower bound that the dependency chains, -parallelism=10 and NSX's rate limit of 100
 * requests per second (which the provider honours) set together.
 *
 * <p>Run from the repository root after {@code mvn -B -q -DskipTests package -pl dist -am}:
 * {@code java -cp "dist/target/test-classes:nsx-simulator/target/classes:$(cat nsx-simulator/target/classpath.txt)"
 * io.netform.dist.NsxBenchmark [NAMESPACES]}. The system property {@code netform.home} overrides the
 * distribution ({@code dist/target/netform}).
 */
public final class NsxBenchmark {

    private static final int LATENCY_MS = 20;
    private static final int PARALLELISM = 10;
    /** NSX's client_api_rate_limit, which the provider's throttle keeps to. */
    private static final int RATE_LIMIT = 100;

    private static final String API = "/policy/api/v1";

    /** Resource types as the request paths (or realization intent paths) of the example name them, most specific first. */
    private static final Map<String, Pattern> TYPES = types(
            "nat_rule", "^/infra/tier-1s/[^/]+/nat/",
            "tier1_gateway", "^/infra/tier-1s/[^/]+(/locale-services)?$",
            "segment", "^/infra/segments/",
            "ip_block", "^/infra/ip-blocks/",
            "ip_pool_static_subnet", "^/infra/ip-pools/[^/]+/ip-subnets/",
            "ip_address_allocation", "^/infra/ip-pools/[^/]+/ip-allocations/",
            "ip_pool", "^/infra/ip-pools/[^/]+$",
            "lb_service", "^/infra/lb-services/",
            "lb_pool", "^/infra/lb-pools/",
            "lb_virtual_server", "^/infra/lb-virtual-servers/",
            "group", "^/infra/domains/[^/]+/groups/",
            "security_policy", "^/infra/domains/[^/]+/security-policies/");
    /** The example's dependency chains, by resource type: each link waits for the one before it. */
    private static final List<List<String>> CHAINS = List.of(
            List.of("tier1_gateway", "lb_service", "lb_virtual_server"),
            List.of("ip_pool", "ip_pool_static_subnet", "ip_address_allocation", "lb_virtual_server"),
            List.of("ip_pool", "ip_pool_static_subnet", "ip_address_allocation", "nat_rule"),
            List.of("tier1_gateway", "nat_rule"),
            List.of("tier1_gateway", "segment"),
            List.of("ip_block", "segment"),
            List.of("group", "security_policy"));

    private NsxBenchmark() {}

    /** Runs the apply; the argument is the number of namespaces (default 50). */
    public static void main(String[] args) throws Exception {
        int namespaces = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        if (System.getProperty("netform.home") == null) {
            System.setProperty(
                    "netform.home",
                    Path.of("dist/target/netform").toAbsolutePath().toString());
        }
        Path netform = NetformProcess.home().resolve("bin/netform");
        if (!Files.isExecutable(netform)) {
            throw new IllegalStateException(
                    netform + " is missing: build it with mvn -B -q -DskipTests package -pl dist -am");
        }
        Path root = Files.createTempDirectory("netform-nsx-bench");
        SimulatorConfig config = SimulatorConfig.defaults()
                .withRealizationDelay(Duration.ZERO)
                .withFaults(new FaultSettings(LATENCY_MS, LATENCY_MS, 0, 0, 0, 0, null, 500));
        try (NsxTestBed nsx = NsxTestBed.start(root, config)) {
            Map<String, String> vars = Map.of("TF_VAR_namespaces", namespaceMap(namespaces));
            nsx.workspace(vars).ok("init", "-no-color");
            nsx.simulator.requests().reset();
            TimedRun apply = TimedRun.of(
                    nsx.example,
                    netform,
                    nsx.workspaceEnvironment(vars),
                    "apply",
                    "-auto-approve",
                    "-no-color",
                    "-parallelism=" + PARALLELISM);
            report(namespaces, apply, nsx.simulator.requests().byRequest());
            nsx.workspace(vars).ok("destroy", "-auto-approve", "-no-color");
        }
    }

    private static void report(int namespaces, TimedRun apply, Map<String, Long> requests) {
        Map<String, Integer> instances = instances(namespaces);
        int resources = instances.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Long> byType = new LinkedHashMap<>();
        TYPES.keySet().forEach(type -> byType.put(type, 0L));
        long searches = 0;
        long hierarchical = 0;
        long other = 0;
        for (Map.Entry<String, Long> e : requests.entrySet()) {
            String[] parts = e.getKey().split(" ");
            String target =
                    parts.length > 2 ? parts[2].substring("intent_path=".length()) : parts[1].substring(API.length());
            String type = typeOf(target);
            if (target.equals("/infra")) {
                hierarchical += e.getValue();
            } else if (target.equals("/search/query")) {
                searches += e.getValue();
            } else if (type != null) {
                byType.merge(type, e.getValue(), Long::sum);
            } else {
                other += e.getValue();
            }
        }
        // The tier-1 gateway and the security policy are the example's only H-API writers, one of each.
        byType.merge("tier1_gateway", hierarchical / 2, Long::sum);
        byType.merge("security_policy", hierarchical - hierarchical / 2, Long::sum);
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        long applyRequests = byType.values().stream().mapToLong(Long::longValue).sum();

        System.out.printf(
                "== apply of examples/dev with %d namespaces (%d resources), %d ms per NSX request,"
                        + " -parallelism=%d%n",
                namespaces, resources, LATENCY_MS, PARALLELISM);
        System.out.printf(
                "whole command %.2f s; apply phase (first \"Creating...\" to \"Apply complete!\") %.2f s%n",
                apply.seconds(), apply.applyPhaseSeconds());
        System.out.printf(
                "NSX requests: %d in all = %.2f per resource; %d searches (the module's data sources),"
                        + " %d H-API PATCH /infra, %d other%n",
                total, (double) total / resources, searches, hierarchical, other);
        System.out.printf("%-24s %9s %9s %12s%n", "resource type", "instances", "requests", "per instance");
        Map<String, Double> perInstance = new LinkedHashMap<>();
        byType.forEach((type, count) -> {
            double each = (double) count / instances.get(type);
            perInstance.put(type, each);
            System.out.printf("%-24s %9d %9d %12.2f%n", type, instances.get(type), count, each);
        });
        System.out.println("(terraform-provider-nsxt creates with 3: a GET that the nsx_id is free, the PATCH or H-API"
                + " PATCH, a GET to read back; plus one realized-entities GET per poll where it waits (allocations)"
                + " and, for a tier-1, a GET of its locale services)");
        double latency = LATENCY_MS / 1000.0;
        double chain = CHAINS.stream()
                        .mapToDouble(
                                c -> c.stream().mapToDouble(perInstance::get).sum())
                        .max()
                        .orElse(0)
                * latency;
        String longest = CHAINS.stream()
                .max((a, b) -> Double.compare(
                        a.stream().mapToDouble(perInstance::get).sum(),
                        b.stream().mapToDouble(perInstance::get).sum()))
                .map(c -> String.join(" -> ", c))
                .orElse("");
        double parallel = applyRequests * latency / PARALLELISM;
        double rate = (double) applyRequests / RATE_LIMIT;
        double bound = Math.max(chain, Math.max(parallel, rate));
        System.out.printf(
                "lower bound %.2f s = the largest of: longest chain %.2f s (%s), %d resource requests x %d ms"
                        + " / %d at once = %.2f s, %d requests at NSX's %d per second = %.2f s%n",
                bound,
                chain,
                longest,
                applyRequests,
                LATENCY_MS,
                PARALLELISM,
                parallel,
                applyRequests,
                RATE_LIMIT,
                rate);
        System.out.printf("apply phase / lower bound = %.2f%n", apply.applyPhaseSeconds() / bound);
    }

    private static Map<String, Integer> instances(int namespaces) {
        Map<String, Integer> n = new LinkedHashMap<>();
        TYPES.keySet().forEach(type -> n.put(type, 1));
        n.put("segment", namespaces + 1);
        n.put("ip_address_allocation", namespaces + 1);
        n.put("nat_rule", namespaces);
        n.put("group", namespaces);
        n.put("lb_virtual_server", 2);
        return n;
    }

    private static String typeOf(String policyPath) {
        return TYPES.entrySet().stream()
                .filter(t -> t.getValue().matcher(policyPath).find())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static String namespaceMap(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "ns-%02d = %d".formatted(i, i))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static Map<String, Pattern> types(String... pairs) {
        Map<String, Pattern> types = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            types.put(pairs[i], Pattern.compile(pairs[i + 1]));
        }
        return types;
    }

    /** One CLI run, its stdout lines timed as they arrive to find the apply phase. */
    private record TimedRun(long nanos, long applyPhaseNanos) {

        private static final Pattern CREATING = Pattern.compile(": Creating\\.\\.\\.$");

        static TimedRun of(Path dir, Path netform, Map<String, String> env, String... args)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(netform.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            long start = System.nanoTime();
            long firstCreate = -1;
            long complete = -1;
            StringBuilder out = new StringBuilder();
            Process process = pb.start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher creating = CREATING.matcher(line);
                    if (firstCreate < 0 && creating.find()) {
                        firstCreate = System.nanoTime();
                    } else if (line.startsWith("Apply complete!")) {
                        complete = System.nanoTime();
                    }
                    out.append(line).append('\n');
                }
            }
            if (process.waitFor() != 0 || firstCreate < 0 || complete < 0) {
                throw new IllegalStateException("netform " + String.join(" ", args) + " failed:\n" + out);
            }
            return new TimedRun(System.nanoTime() - start, complete - firstCreate);
        }

        double seconds() {
            return nanos / 1e9;
        }

        double applyPhaseSeconds() {
            return applyPhaseNanos / 1e9;
        }
    }
}
