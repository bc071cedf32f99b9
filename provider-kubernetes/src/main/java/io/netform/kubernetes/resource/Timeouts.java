package io.netform.kubernetes.resource;

import io.netform.provider.DiagnosticException;
import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code timeouts} block: Go durations such as {@code "5m"} or {@code "1h30m"} per operation. */
final class Timeouts {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private Timeouts() {}

    /** The block with an attribute for each operation named. */
    static NestedBlock block(String... operations) {
        SchemaAttribute[] attributes = new SchemaAttribute[operations.length];
        for (int i = 0; i < operations.length; i++) {
            attributes[i] = SchemaAttribute.string(operations[i]).optional();
        }
        return NestedBlock.single("timeouts", SchemaBlock.of(attributes));
    }

    /**
     * The block as a list of at most one, as terraform-provider-kubernetes's {@code kubernetes_manifest}
     * declares it (its other resources, on the plugin SDK, have a single block).
     */
    static NestedBlock listBlock(String... operations) {
        return new NestedBlock("timeouts", Nesting.LIST, block(operations).block(), 0, 1);
    }

    /** The timeout the state's {@code timeouts} block gives the operation, or {@code otherwise}. */
    static Duration of(Value state, String operation, Duration otherwise) {
        Value block = given(state);
        if (block.isNull() || !block.isKnown() || block.getAttr(operation).isNull()) {
            return otherwise;
        }
        return parse(block.getAttr(operation).asString(), operation);
    }

    /** Checks the configured durations. */
    static void validate(Value config) {
        Value block = given(config);
        if (block.isNull() || !block.isKnown()) {
            return;
        }
        for (String operation :
                ((Type.ObjectType) block.type()).attributeTypes().keySet()) {
            Value value = block.getAttr(operation);
            if (!value.isNull() && value.isKnown()) {
                parse(value.asString(), operation);
            }
        }
    }

    /** The {@code timeouts} block's value, single or the one of a list; null when there is none. */
    private static Value given(Value state) {
        Value block = state.hasAttribute("timeouts") ? state.getAttr("timeouts") : Value.nullOf(Type.DYNAMIC);
        if (!block.isNull() && block.isKnown() && block.type() instanceof Type.ListType) {
            return block.elements().isEmpty()
                    ? Value.nullOf(Type.DYNAMIC)
                    : block.elements().get(0);
        }
        return block;
    }

    static Duration parse(String text, String operation) {
        Matcher matcher = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            double nanos = amount
                    * switch (matcher.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
            total = total.plusNanos((long) nanos);
            end = matcher.end();
        }
        if (end == 0 || end != text.length()) {
            throw new DiagnosticException(
                    "Invalid timeout",
                    "\"" + text + "\" is not a duration; write it as Go does, e.g. \"30s\", \"5m\" or \"1h30m\".",
                    AttributePath.root().attr("timeouts").attr(operation));
        }
        return total;
    }
}
