package io.netform.provider;

import io.netform.value.AttributePath;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts the blocks of each list and set block type in a configuration, at any depth, against the
 * schema's min_items and max_items, with Terraform's wording. A count that is not known yet (a
 * dynamic block over a value known only after apply) is no error.
 */
final class BlockLimits {

    private BlockLimits() {}

    /** One error per block type whose count is out of its limits; empty when all fit. */
    static List<DiagnosticException> violations(SchemaBlock block, Value config) {
        List<DiagnosticException> found = new ArrayList<>();
        inObject(block, config, AttributePath.root(), found);
        return List.copyOf(found);
    }

    private static void inObject(SchemaBlock block, Value object, AttributePath at, List<DiagnosticException> found) {
        if (object.isNull() || !object.isKnown()) {
            return;
        }
        for (NestedBlock nested : block.blockTypes().values()) {
            Value blocks = object.getAttr(nested.typeName());
            AttributePath path = at.attr(nested.typeName());
            if (!blocks.isKnown()) {
                continue;
            }
            switch (nested.nesting()) {
                case SINGLE, GROUP -> inObject(nested.block(), blocks, path, found);
                case LIST, SET -> {
                    List<Value> items = blocks.isNull() ? List.of() : blocks.elements();
                    count(nested, items.size(), path, found);
                    for (int i = 0; i < items.size(); i++) {
                        // Set elements have no position a path could name; their errors name the set.
                        AttributePath item = nested.nesting() == Nesting.LIST ? path.index(i) : path;
                        inObject(nested.block(), items.get(i), item, found);
                    }
                }
                case MAP -> {
                    if (!blocks.isNull()) {
                        for (Map.Entry<String, Value> entry : blocks.asMap().entrySet()) {
                            inObject(nested.block(), entry.getValue(), path.key(entry.getKey()), found);
                        }
                    }
                }
            }
        }
    }

    private static void count(NestedBlock nested, int count, AttributePath path, List<DiagnosticException> found) {
        String type = nested.typeName();
        if (count < nested.minItems()) {
            found.add(new DiagnosticException(
                    "Insufficient " + type + " blocks",
                    "At least " + nested.minItems() + " \"" + type + "\" blocks are required.",
                    path));
        } else if (nested.maxItems() > 0 && count > nested.maxItems()) {
            found.add(new DiagnosticException(
                    "Too many " + type + " blocks",
                    "No more than " + nested.maxItems() + " \"" + type + "\" "
                            + (nested.maxItems() == 1 ? "block is" : "blocks are") + " allowed.",
                    path));
        }
    }
}
