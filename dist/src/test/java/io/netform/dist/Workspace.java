package io.netform.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.provider.testing.StoreLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A working directory for an end-to-end test: configuration files, the testing provider's store
 * ("the cloud"), and the real {@code netform} program run in it.
 */
final class Workspace {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path store;
    private final Map<String, String> env;
    /** Whether commands run in the test's JVM ({@link InProcessNetform}) rather than as the real program. */
    private final boolean inProcess;

    Workspace(Path dir) {
        this(dir, Map.of());
    }

    /** A workspace whose commands also get {@code env}, e.g. a provider's connection settings. */
    Workspace(Path dir, Map<String, String> env) {
        this(dir, env, false);
    }

    private Workspace(Path dir, Map<String, String> env, boolean inProcess) {
        this.inProcess = inProcess;
        this.dir = dir;
        this.store = dir.resolve("cloud.json");
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("NETFORM_TESTING_STORE", store.toString());
        this.env = Map.copyOf(all);
    }

    /**
     * A workspace whose commands run in the test's JVM, with the bundled providers served in-process:
     * the same output and exit codes as the program, without starting a JVM per command and plugin.
     */
    static Workspace inProcess(Path dir) {
        return inProcess(dir, Map.of());
    }

    /** An in-process workspace whose commands also get {@code env}, e.g. a provider's connection settings. */
    static Workspace inProcess(Path dir, Map<String, String> env) {
        return new Workspace(dir, env, true);
    }

    /** Writes {@code main.tf} with the testing provider required, followed by {@code body}. */
    Workspace config(String body) throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }

                """ + body);
        return this;
    }

    /** Writes {@code DIR/main.tf} for a child module with the testing provider required, followed by {@code body}. */
    Workspace module(String name, String body) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                }
                """ + body);
        return this;
    }

    NetformProcess.Result run(String... args) throws IOException, InterruptedException {
        return inProcess ? InProcessNetform.run(dir, env, "", args) : NetformProcess.run(dir, env, args);
    }

    /** Runs a command with {@code extra} environment variables besides the workspace's. */
    NetformProcess.Result runWith(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(extra);
        return inProcess ? InProcessNetform.run(dir, all, "", args) : NetformProcess.run(dir, all, args);
    }

    /** Runs a command that reads {@code input} on its standard input. */
    NetformProcess.Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        if (inProcess) {
            return InProcessNetform.run(dir, env, input, args);
        }
        Path stdin = Files.createTempFile("netform-in", ".txt");
        try {
            Files.writeString(stdin, input);
            return NetformProcess.run(dir, env, stdin, args);
        } finally {
            Files.deleteIfExists(stdin);
        }
    }

    /** Runs a command that must succeed, failing the test with its output otherwise. */
    NetformProcess.Result ok(String... args) throws IOException, InterruptedException {
        NetformProcess.Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError(
                    "netform " + String.join(" ", args) + " exited " + r.exitCode() + "\n" + r.out() + "\n" + r.err());
        }
        return r;
    }

    /** The objects in the testing provider's store, by id. */
    JsonNode cloud() throws IOException {
        ObjectNode objects = JSON.createObjectNode();
        cloudStore().objects().forEach(objects::set);
        return objects;
    }

    /** The testing provider's store, to change objects behind Netform's back. */
    StoreLog cloudStore() {
        return new StoreLog(store);
    }

    /** The names of the objects in the store, sorted. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        cloud().forEach(o -> names.add(o.path("name").asText()));
        names.sort(null);
        return names;
    }

    /** The id of the object named {@code name} in the store. */
    String id(String name) throws IOException {
        for (JsonNode o : cloud()) {
            if (o.path("name").asText().equals(name)) {
                return o.path("id").asText();
            }
        }
        throw new AssertionError("no object named " + name + " in the store");
    }

    /** The state file as JSON. */
    JsonNode state() throws IOException {
        return JSON.readTree(dir.resolve("terraform.tfstate").toFile());
    }
}
