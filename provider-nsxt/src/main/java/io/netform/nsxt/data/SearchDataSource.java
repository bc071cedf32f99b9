package io.netform.nsxt.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import io.netform.nsxt.schema.JsonNodes;
import io.netform.provider.DataSource;
import io.netform.provider.DiagnosticException;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A data source that finds one NSX object of a resource_type with the search API: by {@code id},
 * or by {@code display_name} (an exact match first, else the only one starting with it), narrowed
 * by any extra terms; the object's fields become the data.
 */
public class SearchDataSource implements DataSource {

    private final String typeName;
    private final String resourceType;
    private final Fields<ObjectNode> fields;
    private final Supplier<PolicyClient> client;

    /**
     * @param extra the type's own fields, after id, display_name, description and path
     */
    public SearchDataSource(
            String typeName, String resourceType, Fields.Builder<ObjectNode> extra, Supplier<PolicyClient> client) {
        this.typeName = typeName;
        this.resourceType = resourceType;
        this.fields = extra.build();
        this.client = client;
    }

    /** A builder with the fields every lookup has: id, display_name, description, path. */
    public static Fields.Builder<ObjectNode> lookupFields() {
        return Fields.builder(JsonNodes.OBJECTS)
                .add(SchemaAttribute.string("id").optionalComputed().describedAs("The NSX ID of the object to find."))
                .add(SchemaAttribute.string("display_name")
                        .optionalComputed()
                        .describedAs("The display name of the object to find, or a prefix of it."))
                .add(SchemaAttribute.string("description").computed())
                .add(SchemaAttribute.string("path").computed().describedAs("The NSX policy path of the object."));
    }

    @Override
    public Schema schema() {
        return Schema.of(fields.block());
    }

    @Override
    public Value read(Value config) {
        List<String> terms = new ArrayList<>(kindTerms(config));
        terms.add("marked_for_delete:false");
        terms.addAll(extraTerms(config));
        Value id = config.getAttr("id");
        Value name = config.getAttr("display_name");
        if (!id.isNull()) {
            terms.add("id:" + escape(id.asString()));
        } else if (!name.isNull()) {
            terms.add("display_name:" + escape(name.asString()) + "*");
        }
        List<ObjectNode> found;
        try {
            found = client.get().search(String.join(" AND ", terms));
        } catch (NsxApiException e) {
            throw new DiagnosticException("Cannot look up " + typeName, e.detail());
        }
        ObjectNode match = choose(found, id.isNull() && !name.isNull() ? name.asString() : null, config);
        Value read = fields.fromJson(match);
        Map<String, Value> values = new LinkedHashMap<>(read.asMap());
        config.asMap().forEach((attribute, value) -> {
            if (!value.isNull()) {
                values.put(attribute, value);
            }
        });
        return Value.object(values);
    }

    /** The terms that pick the kind of object: by default, its resource_type. */
    protected List<String> kindTerms(Value config) {
        return List.of("resource_type:" + escape(resourceType));
    }

    /** Terms that narrow the search further, from the type's own arguments. */
    protected List<String> extraTerms(Value config) {
        return List.of();
    }

    private ObjectNode choose(List<ObjectNode> found, String name, Value config) {
        if (name != null) {
            List<ObjectNode> exact = found.stream()
                    .filter(o -> o.path("display_name").asText().equals(name))
                    .toList();
            if (exact.size() == 1) {
                return exact.get(0);
            }
            if (exact.size() > 1) {
                throw multiple(exact.size(), "named \"" + name + "\"");
            }
        }
        if (found.isEmpty()) {
            throw new DiagnosticException(
                    "No " + resourceType + " found", "NSX has no " + resourceType + describe(config) + ".");
        }
        if (found.size() > 1) {
            throw multiple(found.size(), name == null ? "that match" : "whose name starts with \"" + name + "\"");
        }
        return found.get(0);
    }

    private DiagnosticException multiple(int count, String which) {
        return new DiagnosticException(
                "Found multiple " + resourceType + " objects",
                "NSX has " + count + " " + resourceType + " objects " + which
                        + "; give the id, or a display_name only one of them has.");
    }

    private static String describe(Value config) {
        List<String> parts = new ArrayList<>();
        config.asMap().forEach((name, value) -> {
            if (!value.isNull() && value.type().isPrimitive()) {
                parts.add(name + " = " + value.asString());
            }
        });
        return parts.isEmpty() ? "" : " with " + String.join(", ", parts);
    }

    /** The text as a literal in a Lucene query. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/ ".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
