package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code netform} command for shell scripts that runs the CLI inside the test's JVM ({@link InProcessNetform}):
 * a small python3 script on the PATH sends its arguments, working directory, environment and standard input to
 * this server and prints back what the command printed, with its exit code. Scripts that call {@code netform}
 * many times (a CI file's job lines) so cost one in-process run each instead of a CLI and a plugin JVM.
 */
final class NetformShim implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLIENT = """
            #!/usr/bin/env python3
            import json, os, sys, urllib.request
            request = {"args": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ),
                       "stdin": "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()}
            with urllib.request.urlopen(os.environ["NETFORM_SHIM_URL"], json.dumps(request).encode()) as answer:
                result = json.load(answer)
            sys.stdout.write(result["out"])
            sys.stderr.write(result["err"])
            sys.exit(result["code"])
            """;

    private final HttpServer server;
    private final Path bin;

    private NetformShim(HttpServer server, Path bin) {
        this.server = server;
        this.bin = bin;
    }

    /** Starts the server and writes {@code DIR/bin/netform}, the script that calls it. */
    static NetformShim start(Path dir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/run", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            List<String> args = new ArrayList<>();
            request.path("args").forEach(arg -> args.add(arg.asText()));
            Map<String, String> env = new HashMap<>();
            request.path("env")
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            NetformProcess.Result result = InProcessNetform.run(
                    Path.of(request.path("cwd").asText()),
                    env,
                    request.path("stdin").asText(),
                    args.toArray(String[]::new));
            ObjectNode answer = JSON.createObjectNode()
                    .put("out", result.out())
                    .put("err", result.err())
                    .put("code", result.exitCode());
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("netform");
        Files.writeString(script, CLIENT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new NetformShim(server, bin);
    }

    /** The directory to put first on a script's PATH. */
    Path bin() {
        return bin;
    }

    /** The environment variable that tells the script where this server listens. */
    Map<String, String> environment() {
        return Map.of(
                "NETFORM_SHIM_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/run");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
