package io.netform.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.config.BackendBlock;
import io.netform.file.AtomicFile;
import io.netform.hcl.Diagnostic;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The backend {@code init} chose for a working directory, remembered in {@code .netform/terraform.tfstate}
 * in the layout of Terraform's {@code .terraform/terraform.tfstate}: its type, its settings after
 * {@code -backend-config} was merged over the block, and a hash of the block as written, by which
 * every later command sees whether the block changed since.
 *
 * @param serial  one up each time init records a backend
 * @param lineage fixed when the working directory is first initialised
 */
public record BackendRecord(String type, Map<String, String> config, long hash, long serial, String lineage) {

    /** Where the record lives, under the working directory. */
    public static final String FILE = ".netform/terraform.tfstate";

    public BackendRecord {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** The local backend with its defaults: what a configuration without a backend block uses. */
    public static BackendRecord implicitLocal() {
        return new BackendRecord("local", Map.of(), 0, 0, "");
    }

    /** The hash of {@code block} as the files write it (never of {@code -backend-config}'s values). */
    public static long hash(BackendBlock block) {
        StringBuilder text = new StringBuilder(block.type()).append('\n');
        new TreeMap<>(block.config())
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xffL) << 24)
                    | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record of working directory {@code dir}, if init recorded one. */
    public static Optional<BackendRecord> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = ExactJson.MAPPER.readTree(Files.readAllBytes(file));
            JsonNode backend = root.path("backend");
            if (!backend.isObject()) {
                return Optional.empty();
            }
            Map<String, String> config = new LinkedHashMap<>();
            backend.path("config").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    config.put(e.getKey(), e.getValue().asText());
                }
            });
            return Optional.of(new BackendRecord(
                    backend.path("type").asText(),
                    config,
                    backend.path("hash").asLong(),
                    root.path("serial").asLong(),
                    root.path("lineage").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records {@code type} with {@code config} (block merged with -backend-config) and {@code hash} as
     * working directory {@code dir}'s backend, readable by its owner only, as it may hold credentials.
     */
    public static BackendRecord write(Path dir, String type, Map<String, String> config, long hash, String version) {
        Optional<BackendRecord> previous = read(dir);
        BackendRecord next = new BackendRecord(
                type,
                config,
                hash,
                previous.map(r -> r.serial() + 1).orElse(1L),
                previous.map(BackendRecord::lineage)
                        .filter(l -> !l.isEmpty())
                        .orElseGet(() -> UUID.randomUUID().toString()));
        ObjectNode root = ExactJson.MAPPER.createObjectNode();
        root.put("version", 3);
        root.put("terraform_version", version);
        root.put("serial", next.serial());
        root.put("lineage", next.lineage());
        ObjectNode backend = root.putObject("backend");
        backend.put("type", type);
        ObjectNode settings = backend.putObject("config");
        config.forEach(settings::put);
        backend.put("hash", hash);
        Path file = dir.resolve(FILE);
        try {
            // Owner-only: the settings can hold a connection string with a password.
            AtomicFile.replaceOwnerOnly(
                    file, ExactJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
        return next;
    }

    /** Forgets the recorded backend: the configuration no longer has a backend block. */
    public static void remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The backend commands in {@code dir} use, whose configuration has {@code block} (null when none):
     * the one init recorded, provided the block is still the one init saw; else Terraform's "Backend
     * initialization required" error, which says to run init.
     */
    public static Result<BackendRecord> resolve(Path dir, BackendBlock block, Map<String, String> sources) {
        List<Diagnostic> errors = StateBackends.check(block);
        if (!errors.isEmpty()) {
            return Result.failed(errors, sources);
        }
        Optional<BackendRecord> recorded = read(dir);
        if (block == null) {
            return recorded.isEmpty()
                    ? new Result<>(implicitLocal(), List.of(), sources)
                    : initRequired(
                            "Unsetting the previously set backend \""
                                    + recorded.get().type() + "\"",
                            null,
                            sources);
        }
        if (recorded.isEmpty()) {
            return initRequired(
                    "Initial configuration of the requested backend \"" + block.type() + "\"", block, sources);
        }
        BackendRecord r = recorded.get();
        if (!r.type().equals(block.type()) || r.hash() != hash(block)) {
            return initRequired("Backend configuration block has changed", block, sources);
        }
        return new Result<>(r, List.of(), sources);
    }

    private static Result<BackendRecord> initRequired(String reason, BackendBlock block, Map<String, String> sources) {
        return Result.failed(
                List.of(Diagnostic.error(
                        "Backend initialization required, please run \"netform init\"",
                        "Reason: " + reason + "\n\n"
                                + "The \"backend\" is where Netform keeps the state. Changes to the backend configuration "
                                + "require reinitialization, which sets up the new configuration and can copy the existing "
                                + "state. Run \"netform init\" with either the \"-reconfigure\" or the \"-migrate-state\" "
                                + "flag to use the current configuration.\n\n"
                                + "If the change reason above is incorrect, please verify your configuration hasn't "
                                + "changed and try again. At this point, no changes to your existing configuration or "
                                + "state have been made.",
                        block == null ? null : block.range())),
                sources);
    }
}
