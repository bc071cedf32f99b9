package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.state.AttributePathJson;
import io.netform.value.CodecException;
import io.netform.value.Mark;
import io.netform.value.MarkedPath;
import io.netform.value.MsgpackCodec;
import io.netform.value.Type;
import io.netform.value.TypeJson;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value exactly as the plan holds it, for the plan file: its type, its msgpack encoding (which
 * keeps unknowns and their refinements, which JSON cannot) and the paths of its marks.
 */
final class PlanValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanValueJson() {}

    static ObjectNode encode(Value value) throws CodecException {
        Value.Unmarked unmarked = value.unmarkDeepWithPaths();
        Type type = unmarked.value().type();
        ObjectNode out = NODES.objectNode();
        out.set("type", TypeJson.toNode(type));
        out.put("msgpack", Base64.getEncoder().encodeToString(MsgpackCodec.encode(unmarked.value(), type)));
        if (!unmarked.paths().isEmpty()) {
            ArrayNode marks = out.putArray("marks");
            for (MarkedPath p : unmarked.paths()) {
                ObjectNode m = marks.addObject();
                m.set("path", AttributePathJson.encode(p.path()));
                ArrayNode names = m.putArray("marks");
                p.marks().forEach(mark -> names.add(mark.name()));
            }
        }
        return out;
    }

    static Value decode(JsonNode node) throws CodecException {
        Type type = TypeJson.fromNode(node.path("type"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.path("msgpack").asText());
        } catch (IllegalArgumentException e) {
            throw new CodecException(io.netform.value.AttributePath.root(), "the encoded value is not base64", e);
        }
        Value value = MsgpackCodec.decode(bytes, type);
        List<MarkedPath> paths = new ArrayList<>();
        for (JsonNode m : node.path("marks")) {
            Set<Mark> marks = new TreeSet<>();
            m.path("marks").forEach(name -> marks.add(new Mark(name.asText())));
            paths.add(new MarkedPath(AttributePathJson.decodePath(m.path("path")), marks));
        }
        return paths.isEmpty() ? value : value.markWithPaths(paths);
    }
}
