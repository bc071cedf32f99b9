package io.netform.walk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netform.addrs.InstanceKey;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.state.AttributePathJson;
import io.netform.state.InstanceObject;
import io.netform.value.AttributePath;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Mark;
import io.netform.value.MarkedPath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Base64;
import java.util.List;

/**
 * Converts between the objects state records and values: attributes as cty JSON of the schema's
 * type, and sensitive attributes as state's path form, so marks survive a round trip through state.
 */
public final class StateValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateValues() {}

    /**
     * The value of a stored object, marked sensitive where state says.
     *
     * @throws CodecException when the stored attributes do not fit the type
     */
    public static Value decode(InstanceObject object, Type type) throws CodecException {
        Value v = CtyJson.fromNode(object.attributes(), type);
        List<AttributePath> paths = AttributePathJson.decode(object.sensitiveAttributes());
        return paths.isEmpty() ? v : v.markWithPaths(paths, Mark.SENSITIVE);
    }

    /**
     * The error for an object that cannot be stored: Terraform's "Failed to encode ADDRESS in state"
     * when it holds an infinity, which state's JSON cannot; {@code otherwise} for any other problem.
     */
    public static Diagnostic encodingError(Object address, CodecException e, SourceRange at, Diagnostic otherwise) {
        return e.reason().equals(CtyJson.NO_INFINITY)
                ? Diagnostic.error("Failed to encode " + address + " in state", e.getMessage() + ".", at)
                : otherwise;
    }

    /** The object to store for {@code value} (marked where sensitive) of an instance. */
    public static InstanceObject encode(
            InstanceKey key,
            String deposed,
            Value value,
            Type type,
            long schemaVersion,
            byte[] privateData,
            List<String> dependencies,
            boolean createBeforeDestroy)
            throws CodecException {
        Value.Unmarked unmarked = value.unmarkDeepWithPaths();
        ArrayNode sensitive = NODES.arrayNode();
        for (MarkedPath p : unmarked.paths()) {
            if (p.marks().contains(Mark.SENSITIVE)) {
                sensitive.add(AttributePathJson.encode(p.path()));
            }
        }
        String privateText = privateData == null || privateData.length == 0
                ? null
                : Base64.getEncoder().encodeToString(privateData);
        return new InstanceObject(
                key,
                deposed,
                false,
                schemaVersion,
                CtyJson.toNode(unmarked.value(), type),
                sensitive,
                privateText,
                dependencies,
                createBeforeDestroy);
    }

    /** The provider's private bytes of a stored object. */
    public static byte[] privateData(InstanceObject object) {
        return object.privateData() == null ? new byte[0] : Base64.getDecoder().decode(object.privateData());
    }
}
