package io.netform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules {@code init} installed, as {@code .netform/modules/modules.json} records them in
 * Terraform's format: {@code {"Modules": [{"Key", "Source", "Dir"}]}}, keyed by the module path
 * ({@code a.b}; the root module is {@code ""}) with directories relative to the working directory.
 */
record ModuleManifest(List<Entry> entries) {

    /** Where the manifest lives, relative to the working directory. */
    static final String PATH = ".netform/modules/modules.json";

    /** Where installed modules live, relative to the working directory. */
    private static final String DIR = ".netform/modules";

    /** Where init installs the package of the module at {@code key}. */
    static Path packageDir(Path workingDir, String key) {
        return workingDir.resolve(DIR).resolve(key);
    }

    private static final ObjectMapper JSON = ExactJson.MAPPER;

    /** One installed module. */
    record Entry(String key, String source, String dir) {}

    ModuleManifest {
        entries = List.copyOf(entries);
    }

    /** The entry of the module at {@code key}, if it was installed. */
    Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    static ModuleManifest parse(byte[] json) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode m : JSON.readTree(json).path("Modules")) {
            entries.add(new Entry(
                    m.path("Key").asText(),
                    m.path("Source").asText(),
                    m.path("Dir").asText()));
        }
        return new ModuleManifest(entries);
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode modules = root.putArray("Modules");
        for (Entry e : entries) {
            modules.addObject().put("Key", e.key()).put("Source", e.source()).put("Dir", e.dir());
        }
        return (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
