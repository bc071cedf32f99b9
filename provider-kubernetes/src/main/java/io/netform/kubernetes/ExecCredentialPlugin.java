package io.netform.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's {@code exec} block: a client-go credential plugin run for a bearer token, as
 * {@code aws eks get-token} or {@code gke-gcloud-auth-plugin} are. The token is kept until the
 * plugin's {@code expirationTimestamp}, then the command runs again.
 */
final class ExecCredentialPlugin implements OAuthTokenProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiVersion;
    private final List<String> command;
    private final Map<String, String> environment;
    private String token;
    private Instant expires;

    private ExecCredentialPlugin(String apiVersion, List<String> command, Map<String, String> environment) {
        this.apiVersion = apiVersion;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    /** The plugin an {@code exec} block describes; its env is added to the provider's environment. */
    static ExecCredentialPlugin of(Value block, Map<String, String> providerEnvironment) {
        List<String> command = new ArrayList<>();
        command.add(block.getAttr("command").asString());
        Value args = block.getAttr("args");
        if (!args.isNull()) {
            args.elements().forEach(arg -> command.add(arg.asString()));
        }
        Map<String, String> environment = new HashMap<>(providerEnvironment);
        Value env = block.getAttr("env");
        if (!env.isNull()) {
            env.asMap().forEach((name, value) -> environment.put(name, value.asString()));
        }
        return new ExecCredentialPlugin(block.getAttr("api_version").asString(), command, environment);
    }

    @Override
    public synchronized String getToken() {
        if (token == null || expires != null && Instant.now().isAfter(expires)) {
            run();
        }
        return token;
    }

    private void run() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment()
                .put(
                        "KUBERNETES_EXEC_INFO",
                        "{\"apiVersion\":\"" + apiVersion
                                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        JsonNode credential;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            int code = process.waitFor();
            if (code != 0) {
                throw failure("it exited with status " + code);
            }
            credential = JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
        JsonNode status = credential.path("status");
        if (!credential.path("apiVersion").asText().equals(apiVersion)) {
            throw failure("it answered with apiVersion \""
                    + credential.path("apiVersion").asText() + "\" where the exec block asks for \"" + apiVersion
                    + "\"");
        }
        if (!status.path("token").isTextual()) {
            throw failure("its ExecCredential has no status.token (client certificates from exec plugins"
                    + " are not supported)");
        }
        token = status.path("token").asText();
        expires = status.path("expirationTimestamp").isTextual()
                ? Instant.parse(status.path("expirationTimestamp").asText())
                : null;
    }

    private DiagnosticException failure(String why) {
        // Only the command's name: its arguments may carry secrets.
        return new DiagnosticException(
                "Kubernetes exec credential plugin failed",
                "The provider's exec command " + command.get(0) + " gave no token: " + why + ".");
    }
}
