package io.netform.nsxt.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.field.Fields;
import java.time.Duration;
import java.util.Map;

/**
 * What makes one resource type: its name, what it manages, the NSX resource_type, where its
 * objects live, its fields, and how NSX wants it written and deleted.
 *
 * @param typeName      e.g. {@code nsxt_policy_segment}
 * @param description   one sentence for the schema's documentation
 * @param resourceType  NSX's {@code resource_type}, e.g. {@code Segment}
 * @param path          where the objects live, e.g. {@code /infra/segments/{id}}
 * @param fields        the schema and its mapping to NSX JSON, common attributes included
 * @param updateWithPut whether updates replace the object with PUT and its revision (as
 *                      terraform-provider-nsxt does for a few types) instead of PATCH
 * @param deleteQuery   query parameters of the DELETE, e.g. {@code force=true}
 * @param realization   how long to wait for NSX to realize a create or update; zero: no wait
 */
public record PolicyObject(
        String typeName,
        String description,
        String resourceType,
        PathPattern path,
        Fields<ObjectNode> fields,
        boolean updateWithPut,
        Map<String, String> deleteQuery,
        Duration realization) {

    public PolicyObject {
        deleteQuery = Map.copyOf(deleteQuery);
    }

    /** A type created and updated with PATCH, deleted plainly, not waited for. */
    public static PolicyObject of(
            String typeName, String description, String resourceType, String path, Fields<ObjectNode> fields) {
        return new PolicyObject(
                typeName, description, resourceType, PathPattern.of(path), fields, false, Map.of(), Duration.ZERO);
    }

    /** The same type updated with PUT. */
    public PolicyObject updatedWithPut() {
        return new PolicyObject(typeName, description, resourceType, path, fields, true, deleteQuery, realization);
    }

    /** The same type deleted with these query parameters. */
    public PolicyObject deletedWith(Map<String, String> query) {
        return new PolicyObject(typeName, description, resourceType, path, fields, updateWithPut, query, realization);
    }
}
