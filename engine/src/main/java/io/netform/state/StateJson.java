package io.netform.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.ProviderSource;
import io.netform.json.ExactJson;
import io.netform.value.CodecException;
import io.netform.value.CtyJson;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.ProviderSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State as the JSON document of {@code netform show -json} without a plan (Terraform's state
 * representation, format 1.0): outputs, and the resources of each module with their values and
 * the mirror of which values are sensitive. Unlike the v4 state file this is for other tools to
 * read, so it is keyed by instance address and values are plain JSON.
 */
public final class StateJson {

    /** The {@code format_version} of the documents this class writes. */
    public static final String FORMAT_VERSION = "1.0";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = ExactJson.MAPPER;

    private StateJson() {}

    /**
     * The state document. An empty state has no {@code values}, as in Terraform.
     *
     * @param schemas the schema of each provider in the state, used to read attributes with their
     *                declared types; a resource whose schema is missing is read with the types its
     *                JSON implies
     */
    public static ObjectNode encode(State state, Map<ProviderSource, ProviderSchema> schemas) {
        ObjectNode out = NODES.objectNode();
        out.put("format_version", FORMAT_VERSION);
        out.put("terraform_version", state.terraformVersion());
        if (state.isEmpty()) {
            return out;
        }
        ObjectNode values = out.putObject("values");
        ObjectNode outputs = values.putObject("outputs");
        state.outputs().forEach((name, output) -> {
            ObjectNode o = outputs.putObject(name);
            o.put("sensitive", output.sensitive());
            o.set("value", output.value());
            o.set("type", output.type());
        });
        Map<ModuleInstance, List<ObjectNode>> byModule = new LinkedHashMap<>();
        for (ResourceState resource : state.resources().values()) {
            for (InstanceObject object : resource.instances()) {
                byModule.computeIfAbsent(resource.address().module(), m -> new ArrayList<>())
                        .add(resource(resource, object, schemas));
            }
        }
        values.set("root_module", ResourceJson.moduleTree(byModule));
        return out;
    }

    /**
     * The state as Terraform hands it to its renderer ({@code terraform test -verbose -json}'s {@code test_state}):
     * the root module's resources and its outputs, each left out when empty. Netform does not add the
     * providers' schemas ({@code provider_schemas}).
     */
    public static ObjectNode forRenderer(State state, Map<ProviderSource, ProviderSchema> schemas) {
        ObjectNode out = NODES.objectNode();
        out.put("state_format_version", FORMAT_VERSION);
        JsonNode values = encode(state, schemas).get("values");
        if (values != null) {
            out.set("root_module", values.get("root_module"));
            if (!values.get("outputs").isEmpty()) {
                out.set("root_module_outputs", values.get("outputs"));
            }
        }
        out.put("provider_format_version", "1.0");
        return out;
    }

    /** The document as compact JSON text, numbers written in full. */
    public static String toText(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static ObjectNode resource(
            ResourceState resource, InstanceObject object, Map<ProviderSource, ProviderSchema> schemas) {
        ObjectNode out = ResourceJson.header(resource.address().instance(object.key()), resource.provider());
        out.put("schema_version", object.schemaVersion());
        Value value = attributes(resource, object, schemas);
        out.set("values", ValueJson.known(value));
        out.set("sensitive_values", ValueJson.sensitiveMirror(value));
        if (!object.dependencies().isEmpty()) {
            ArrayNode dependsOn = out.putArray("depends_on");
            object.dependencies().forEach(dependsOn::add);
        }
        if (object.tainted()) {
            out.put("tainted", true);
        }
        if (object.deposed() != null) {
            out.put("deposed_key", object.deposed());
        }
        return out;
    }

    /** The object's attributes as a value, marked sensitive where state says so. */
    private static Value attributes(
            ResourceState resource, InstanceObject object, Map<ProviderSource, ProviderSchema> schemas) {
        Type type = declaredType(resource, schemas);
        if (type == null) {
            type = ValueJson.impliedType(object.attributes());
        }
        Value value;
        try {
            value = CtyJson.fromNode(object.attributes(), type);
        } catch (CodecException e) {
            // State written by an older schema may not decode; its own shape still tells the truth.
            try {
                value = CtyJson.fromNode(object.attributes(), ValueJson.impliedType(object.attributes()));
            } catch (CodecException again) {
                throw new StateFormatException(
                        resource.address().instance(object.key()) + ": the attributes in state cannot be read: "
                                + again.getMessage(),
                        again);
            }
        }
        return value.markWithPaths(AttributePathJson.decode(object.sensitiveAttributes()), Mark.SENSITIVE);
    }

    private static Type declaredType(ResourceState resource, Map<ProviderSource, ProviderSchema> schemas) {
        return ResourceSchemaLookup.find(
                        schemas,
                        resource.provider().source(),
                        resource.address().resource())
                .map(found -> found.block().impliedType())
                .orElse(null);
    }
}
