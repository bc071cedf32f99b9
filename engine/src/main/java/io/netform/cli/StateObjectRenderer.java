package io.netform.cli;

import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.plan.StateValues;
import io.netform.state.InstanceObject;
import io.netform.state.ValueJson;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.Value;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One object in state as {@code state show} and {@code show} print it: a comment with its address,
 * then a {@code resource} (or {@code data}) block with every attribute in the plan's HCL-like layout,
 * sensitive values written as {@code (sensitive value)}.
 */
final class StateObjectRenderer {

    /** The plan layout puts a change marker before each line; a state object has none, so it is cut. */
    private static final String MARKER_COLUMN = DiffWriter.pad(1);

    private final Ui ui;
    private final DiffWriter writer;

    StateObjectRenderer(Ui ui) {
        this.ui = ui;
        this.writer = new DiffWriter(ui);
    }

    /**
     * The object as text, ending in a newline.
     *
     * @throws CodecException when the attributes in state cannot be read
     */
    String render(ResourceInstance address, InstanceObject object) throws CodecException {
        // Without the provider's schema the attributes' own JSON tells their types.
        Value value = StateValues.decode(object, ValueJson.impliedType(object.attributes()));
        DiffNode body = new ChangeDiffer(List.of()).value(value, value, AttributePath.root(), false);
        var resource = address.resource().resource();
        String header = (resource.mode() == ResourceMode.DATA ? "data" : "resource") + " \"" + resource.type()
                + "\" \"" + resource.name() + "\" ";
        String block = MARKER_COLUMN + header
                + writer.write(body, 0, DiffWriter.Style.DEFAULT.showUnchanged(true));
        String comment = ui.bold("# " + address + ":" + (object.tainted() ? " (tainted)" : ""));
        return comment + "\n" + block.lines().map(StateObjectRenderer::unindent)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String unindent(String line) {
        return line.startsWith(MARKER_COLUMN) ? line.substring(MARKER_COLUMN.length()) : line;
    }
}
