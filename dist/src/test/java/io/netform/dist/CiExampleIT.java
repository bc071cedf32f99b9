package io.netform.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * examples/ci run locally so that it cannot rot: the GitLab file's jobs (in the order of its stages) and the GitHub
 * workflow's jobs (in file order) have their shell lines run, exactly as written, by {@code sh} with a {@code netform}
 * first on the PATH that runs the CLI in this JVM with the bundled providers ({@link NetformShim}), against examples/network-policy on the embedded NSX simulator. CI's
 * conditions (rules, if) are not evaluated: the merge request's gates, the apply on merge and the scheduled drift gate
 * all run, in that order. PG_CONN_STR is unset, so the jobs keep the local backend.
 */
class CiExampleIT {

    private static final Path SOURCES =
            NetformProcess.home().resolve("../../..").normalize();

    @TempDir
    Path repo;

    @TempDir
    Path tools;

    @Test
    void theGitLabPipelineRunsAsWritten() throws Exception {
        Map<String, Object> file = yaml("examples/ci/.gitlab-ci.yml");
        Map<String, String> env = strings(map(file.get("variables")));
        List<String> before = strings(list(map(file.get("default")).get("before_script")));
        List<String> lines = new ArrayList<>();
        for (Object stage : list(file.get("stages"))) {
            for (Object job : file.values()) {
                if (job instanceof Map<?, ?> spec && stage.equals(spec.get("stage"))) {
                    lines.addAll(before);
                    lines.addAll(strings(list(spec.get("script"))));
                }
            }
        }
        runAll(lines, env);
    }

    @Test
    void theGitHubWorkflowRunsAsWritten() throws Exception {
        Map<String, Object> file = yaml("examples/ci/.github/workflows/netform.yml");
        // secrets are not there locally: PG_CONN_STR stays unset
        Map<String, String> env = new HashMap<>(strings(map(file.get("env"))));
        env.values().removeIf(value -> value.contains("${{"));
        List<String> lines = new ArrayList<>();
        for (Object job : map(file.get("jobs")).values()) {
            for (Object step : list(map(job).get("steps"))) {
                Object run = map(step).get("run");
                if (run != null) {
                    lines.add((String) run);
                }
            }
        }
        runAll(lines, env);
    }

    @Test
    void thePolicyCheckFailsAProdPlanThatReplacesATier1() throws Exception {
        copy("examples/ci");
        Files.writeString(repo.resolve("plan.json"), """
                {"resource_changes": [
                  {"address": "nsxt_policy_segment.pods", "type": "nsxt_policy_segment",
                   "change": {"actions": ["delete"]}},
                  {"address": "nsxt_policy_tier1_gateway.cluster", "type": "nsxt_policy_tier1_gateway",
                   "change": {"actions": ["delete", "create"]}}
                ]}
                """);
        Process p = new ProcessBuilder("python3", "examples/ci/plan-policy.py", "plan.json", "prod")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isEqualTo(1);
        assertThat(out)
                .contains("plan-policy: nsxt_policy_tier1_gateway.cluster would be replaced (delete, create)")
                .doesNotContain("nsxt_policy_segment.pods");
    }

    /** Runs each line in the repository's root, stopping at the first that fails; then checks what the jobs left. */
    private void runAll(List<String> lines, Map<String, String> env) throws Exception {
        copy("examples/network-policy");
        copy("examples/ci");
        assertThat(String.join("\n", lines))
                .contains("fmt -check -recursive")
                .contains("validate -json")
                .contains("test -no-color -junit-xml=")
                .contains("plan -no-color -out=plan.bin")
                .contains("plan-policy.py plan.json")
                .contains("apply -no-color plan.bin")
                .contains("plan -no-color -refresh-only -detailed-exitcode");
        StringBuilder log = new StringBuilder();
        try (NetformShim netform = NetformShim.start(tools)) {
            for (String line : lines) {
                run(line, env, netform, log);
            }
        }

        Path example = repo.resolve("examples/network-policy");
        assertThat(Files.readString(example.resolve("netform-test.xml"))).contains("<testsuite");
        assertThat(Files.readString(repo.resolve("plan.json"))).contains("\"resource_changes\"");
        assertThat(log).contains("plan-policy: 16 resource change(s) checked, 0 guarded destroy(s) in prod.");
        assertThat(Files.readString(example.resolve("terraform.tfstate"))).contains("nsxt_k8s_network_policy");
        assertThat(log).contains("found no differences");
    }

    /** Runs one job line with {@code sh -e}, as a CI runner does, with the in-process {@code netform} first on the PATH. */
    private void run(String line, Map<String, String> env, NetformShim netform, StringBuilder log) throws Exception {
        log.append("$ ").append(line).append('\n');
        ProcessBuilder pb = new ProcessBuilder("sh", "-ec", line)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("PG_CONN_STR");
        pb.environment().putAll(env);
        pb.environment().putAll(netform.environment());
        pb.environment().put("PATH", netform.bin() + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        log.append(out);
        assertThat(p.exitValue()).as(log.toString()).isZero();
    }

    private Map<String, Object> yaml(String path) throws IOException {
        return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(SOURCES.resolve(path))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    private static List<?> list(Object yaml) {
        return yaml == null ? List.of() : (List<?>) yaml;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> result = new HashMap<>();
        values.forEach((key, value) -> result.put(key, String.valueOf(value)));
        return result;
    }

    /** The tracked sources of {@code tree} (hidden files included, no lock file or simulator store). */
    private void copy(String tree) throws IOException {
        Path from = SOURCES.resolve(tree);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !from.relativize(f).startsWith(".netform"))
                    .filter(f -> !f.getFileName().toString().startsWith(".netform"))
                    .filter(f -> !f.getFileName().toString().endsWith(".tfstate"))
                    .toList()) {
                Path to = repo.resolve(tree).resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
    }
}
