package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.addrs.ResourceMode;
import io.netform.state.InstanceObject;
import io.netform.state.ResourceSchemaLookup;
import io.netform.state.ValueJson;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.Value;
import io.netform.walk.StateValues;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaBlock;
import java.util.List;
import java.util.Map;
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
    private final Map<ProviderSource, ProviderSchema> schemas;
    private final DiffWriter writer;

    /** A renderer that reads objects with {@code schemas}; an object whose schema is missing is read without one. */
    StateObjectRenderer(Ui ui, Map<ProviderSource, ProviderSchema> schemas) {
        this.ui = ui;
        this.schemas = schemas;
        this.writer = new DiffWriter(ui);
    }

    /**
     * The object as text, ending in a newline.
     *
     * @throws CodecException when the attributes in state cannot be read
     */
    String render(ResourceInstance address, ProviderSource provider, InstanceObject object) throws CodecException {
        var resource = address.resource().resource();
        SchemaBlock schema = ResourceSchemaLookup.find(schemas, provider, resource)
                .map(Schema::block)
                .orElse(null);
        DiffNode body = schema == null ? withoutSchema(object) : withSchema(schema, object);
        String header = (resource.mode() == ResourceMode.DATA ? "data" : "resource") + " \"" + resource.type() + "\" \""
                + resource.name() + "\" ";
        String block = MARKER_COLUMN + header + writer.write(body, 0, DiffWriter.Style.DEFAULT.showUnchanged(true));
        String comment = ui.bold("# " + address + ":" + (object.tainted() ? " (tainted)" : ""));
        return comment + "\n" + block.lines().map(StateObjectRenderer::unindent).collect(Collectors.joining("\n"))
                + "\n";
    }

    private static DiffNode withSchema(SchemaBlock schema, InstanceObject object) throws CodecException {
        Value value;
        try {
            value = StateValues.decode(object, schema.impliedType());
        } catch (CodecException e) {
            // Written by an older schema version: its own shape still tells the truth.
            return withoutSchema(object);
        }
        return new ChangeDiffer(List.of()).block(schema, value, value, AttributePath.root());
    }

    /** The attributes' own JSON tells their types: objects, tuples, strings, numbers and bools. */
    private static DiffNode withoutSchema(InstanceObject object) throws CodecException {
        Value value = StateValues.decode(object, ValueJson.impliedType(object.attributes()));
        return new ChangeDiffer(List.of()).value(value, value, AttributePath.root(), false);
    }

    private static String unindent(String line) {
        return line.startsWith(MARKER_COLUMN) ? line.substring(MARKER_COLUMN.length()) : line;
    }
}
