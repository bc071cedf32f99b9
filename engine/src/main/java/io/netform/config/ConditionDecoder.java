package io.netform.config;

import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes the blocks that hold a condition and its error message: validation, pre/postcondition, assert. */
final class ConditionDecoder {

    private static final Set<String> ARGUMENTS = Set.of("condition", "error_message");

    private ConditionDecoder() {}

    /** The condition of one block, or null when an argument is missing (reported). */
    static Condition decode(Block b, List<Diagnostic> diagnostics) {
        BodyContent c = BodyDecoder.of(ARGUMENTS, ARGUMENTS, Map.of()).decode(b.body(), b.type(), diagnostics);
        if (c.attribute("condition").isEmpty() || c.attribute("error_message").isEmpty()) {
            return null;
        }
        return new Condition(
                c.attributes().get("condition").expression(),
                c.attributes().get("error_message").expression(),
                b.range());
    }

    /** The conditions of every block of {@code type} among {@code blocks}, in source order. */
    static List<Condition> all(List<Block> blocks, String type, List<Diagnostic> diagnostics) {
        List<Condition> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b.type().equals(type)) {
                Condition condition = decode(b, diagnostics);
                if (condition != null) {
                    out.add(condition);
                }
            }
        }
        return out;
    }
}
