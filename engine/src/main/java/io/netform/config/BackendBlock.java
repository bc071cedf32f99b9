package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.HclParser;
import io.netform.hcl.SourceRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code backend "TYPE" { ... }} block of the root module's {@code terraform} block: its settings as
 * written (constant strings; booleans and numbers as their text), and where each was written.
 *
 * @param range      the block's type and label, which errors about the backend as a whole point at
 * @param attributes where each setting was written, by name
 */
public record BackendBlock(
        String type, Map<String, String> config, SourceRange range, Map<String, SourceRange> attributes) {

    public BackendBlock {
        config = Module.ordered(config);
        attributes = Module.ordered(attributes);
    }

    /**
     * The settings of a {@code -backend-config} file named {@code name}: HCL attributes, as the block's
     * body would hold them; errors go to {@code diagnostics}.
     */
    public static Map<String, String> settingsOfFile(String name, String text, List<Diagnostic> diagnostics) {
        var parsed = HclParser.parseFile(name, text);
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.value() == null) {
            return Map.of();
        }
        Body body = parsed.value();
        for (var nested : body.blocks()) {
            diagnostics.add(Diagnostic.error(
                    "Unsupported block type",
                    "A backend configuration file holds attributes only, not \"" + nested.type() + "\" blocks.",
                    nested.typeRange()));
        }
        return settings(body, new LinkedHashMap<>(), diagnostics);
    }

    /** The constant attributes of a backend block's (or file's) body, recording where each was written. */
    static Map<String, String> settings(Body body, Map<String, SourceRange> ranges, List<Diagnostic> diagnostics) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Attribute a : body.attributes()) {
            String v = Literals.string(a.expression(), "a backend setting", diagnostics);
            if (v != null) {
                config.put(a.name(), v);
                ranges.put(a.name(), a.nameRange());
            }
        }
        return config;
    }
}
