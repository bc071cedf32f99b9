package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.NsxSimulator;
import io.netform.nsxsim.SimulatorConfig;
import io.netform.nsxsim.policy.ApiRequest;
import io.netform.nsxsim.policy.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The standalone NSX simulator serving HTTPS in the test JVM, and a copy of {@code examples/dev}
 * (with {@code modules/}) or another example whose provider is pointed at it through {@code TF_VAR_nsx_manager},
 * {@code NSXT_USERNAME}, {@code NSXT_PASSWORD} and {@code NSXT_CA_FILE}, as a user would point
 * the example at a real manager.
 */
final class NsxTestBed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/policy/api/v1";

    final NsxSimulator simulator;
    final Path example;
    private final Map<String, String> env;

    private NsxTestBed(NsxSimulator simulator, Path example, Map<String, String> env) {
        this.simulator = simulator;
        this.example = example;
        this.env = env;
    }

    /**
     * Starts a simulator whose objects turn REALIZED at once (so tests wait on NSX's answers, not
     * on a realization timer) and copies the example under {@code root}.
     */
    static NsxTestBed start(Path root) throws IOException {
        return start(root, SimulatorConfig.defaults().withRealizationDelay(Duration.ZERO));
    }

    /** Starts a simulator with {@code config}, its data kept under {@code root/nsx}, and copies the example. */
    static NsxTestBed start(Path root, SimulatorConfig config) throws IOException {
        NsxSimulator simulator = NsxSimulator.start(config.withDataDirectory(root.resolve("nsx")));
        return new NsxTestBed(simulator, copyExample(root), environment(simulator, config));
    }

    /**
     * Starts a simulator whose objects turn REALIZED at once and copies {@code examples/<name>}, with
     * every file under it (e.g. manifests), to {@code root/examples/<name>}, and {@code modules/} to
     * {@code root/modules} for the example's module calls; the example must take its manager from the
     * variable nsx_manager (credentials come from the environment).
     */
    static NsxTestBed startWith(Path root, String name) throws IOException {
        copyTree(repository().resolve("modules"), root.resolve("modules"));
        return startWithCopyOf(
                root,
                repository().resolve("examples").resolve(name),
                root.resolve("examples").resolve(name));
    }

    /**
     * Starts a simulator whose objects turn REALIZED at once and copies a test configuration of
     * dist/src/test/resources, with its modules and files, to {@code root/<name>}; like an example,
     * it must take its manager from the variable nsx_manager.
     */
    static NsxTestBed startWithTestConfiguration(Path root, String name) throws IOException {
        return startWithCopyOf(
                root, repository().resolve("dist/src/test/resources").resolve(name), root.resolve(name));
    }

    private static NsxTestBed startWithCopyOf(Path root, Path source, Path example) throws IOException {
        SimulatorConfig config = SimulatorConfig.defaults().withRealizationDelay(Duration.ZERO);
        copyTree(source, example);
        NsxSimulator simulator = NsxSimulator.start(config.withDataDirectory(root.resolve("nsx")));
        return new NsxTestBed(simulator, example, environment(simulator, config));
    }

    /** Copies the files under {@code source}, leaving out what a run in the checkout left behind. */
    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = source.relativize(file).toString();
                if (relative.startsWith(".")
                        || relative.contains("/.")
                        || file.getFileName().toString().startsWith("terraform.tfstate")) {
                    continue;
                }
                Path copy = target.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** The connection settings of the example's commands, as a user would give them for a real manager. */
    private static Map<String, String> environment(NsxSimulator simulator, SimulatorConfig config) {
        Map<String, String> env = new HashMap<>();
        env.put("TF_VAR_nsx_manager", simulator.baseUrl().toString());
        env.put("NSXT_USERNAME", config.user());
        env.put("NSXT_PASSWORD", config.password());
        env.put("NSXT_CA_FILE", simulator.certificateFile().toString());
        return Map.copyOf(env);
    }

    /** The repository checkout the distribution was built from. */
    static Path repository() {
        return NetformProcess.home().resolve("../../..").normalize();
    }

    /** The example as it is, run with the connection settings in the environment. */
    Workspace workspace() {
        return workspace(Map.of());
    }

    /** The example run with the connection settings, {@code overrides} replacing or adding variables. */
    Workspace workspace(Map<String, String> overrides) {
        return new Workspace(example, workspaceEnvironment(overrides));
    }

    /** The example run in-process ({@link InProcessNetform}) with the connection settings in the environment. */
    Workspace inProcessWorkspace() {
        return inProcessWorkspace(Map.of());
    }

    /** The example run in-process with the connection settings, {@code overrides} replacing or adding variables. */
    Workspace inProcessWorkspace(Map<String, String> overrides) {
        return Workspace.inProcess(example, workspaceEnvironment(overrides));
    }

    /** The environment of the example's commands: the connection settings and {@code overrides}, an empty value removing one. */
    Map<String, String> workspaceEnvironment(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(overrides);
        all.values().removeIf(String::isEmpty);
        return Map.copyOf(all);
    }

    /** The object at a policy path such as {@code /infra/segments/dev-web}, as NSX has it. */
    Optional<JsonNode> get(String policyPath) {
        ApiResponse response = call("GET", policyPath, null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(ok(response, "GET " + policyPath).bodyJson());
    }

    /** The ids of a collection, such as {@code /infra/segments}. */
    List<String> ids(String collectionPath) {
        JsonNode page =
                ok(call("GET", collectionPath, null), "GET " + collectionPath).bodyJson();
        List<String> ids = new java.util.ArrayList<>();
        page.path("results").forEach(object -> ids.add(object.path("id").asText()));
        return ids.stream().sorted().toList();
    }

    /** Merges fields into an object behind Netform's back, as another NSX user would. */
    void patch(String policyPath, ObjectNode fields) {
        ok(call("PATCH", policyPath, fields), "PATCH " + policyPath);
    }

    /** Deletes an object behind Netform's back. */
    void delete(String policyPath) {
        ok(call("DELETE", policyPath, null), "DELETE " + policyPath);
    }

    @Override
    public void close() {
        simulator.close();
    }

    private ApiResponse call(String method, String policyPath, JsonNode body) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        return simulator.handle(new ApiRequest(method, API + policyPath, Map.of(), bytes, "admin"));
    }

    private static ApiResponse ok(ApiResponse response, String call) {
        if (response.status() >= 300) {
            throw new AssertionError(call + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private static Path copyExample(Path root) throws IOException {
        Path repository = repository();
        copyTfFiles(repository.resolve("modules/cluster-network"), root.resolve("modules/cluster-network"));
        Path example = root.resolve("examples/dev");
        copyTfFiles(repository.resolve("examples/dev"), example);
        return example;
    }

    private static void copyTfFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.filter(f -> f.toString().endsWith(".tf")).forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Takes these failure domains (availability zones) down, and every other one up, through the
     * simulator's fault endpoint over HTTPS, as an operator's script would.
     */
    void failFailureDomains(String... ids) throws Exception {
        Certificate certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(simulator.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("nsx-sim", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        ObjectNode body = object();
        Arrays.stream(ids).forEach(body.putArray("failed_failure_domains")::add);
        String credentials = Base64.getEncoder()
                .encodeToString(
                        (env.get("NSXT_USERNAME") + ":" + env.get("NSXT_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(simulator.baseUrl().resolve("/sim/admin/faults"))
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "PUT /sim/admin/faults answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A JSON object to build a patch from. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
