package io.netform.nsxsim.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The read-only fields NSX keeps on every Policy object, and how a write updates them. */
public final class SystemFields {

    /** Fields a client may send back unchanged but never sets; they are ignored on input. */
    public static final Set<String> READ_ONLY = Set.of(
            "path",
            "parent_path",
            "relative_path",
            "unique_id",
            "realization_id",
            "marked_for_delete",
            "overridden",
            "_system_owned",
            "_protection",
            "_create_time",
            "_last_modified_time",
            "_create_user",
            "_last_modified_user",
            "remote_path",
            "owner_id",
            "origin_site_id",
            "_links",
            "_schema",
            "_self",
            "rule_id",
            "children");

    /** Fields every object accepts besides its type-specific ones. */
    public static final Set<String> WRITABLE =
            Set.of("id", "display_name", "description", "tags", "resource_type", "_revision");

    /** Fields of the content that the stamp itself decides. */
    private static final Set<String> STAMPED = Set.of("resource_type", "id", "display_name", "_revision");

    /** The revision a new object starts at. */
    public static final long FIRST_REVISION = 0;

    private SystemFields() {}

    /** The current revision of a stored object. */
    public static long revision(JsonNode stored) {
        return stored.path("_revision").asLong(FIRST_REVISION);
    }

    /**
     * Builds the object to store: {@code content} (client fields already stripped of read-only
     * ones, plus fields the simulator derived) stamped with identity, audit and revision fields derived from the previous version.
     */
    public static ObjectNode stamp(
            ObjectNode content,
            PolicyPath path,
            String resourceType,
            JsonNode previous,
            String user,
            long nowMillis,
            boolean systemOwned) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("resource_type", resourceType);
        out.put("id", path.last());
        out.put("display_name", content.path("display_name").asText(path.last()));
        for (Map.Entry<String, JsonNode> field : content.properties()) {
            if (!STAMPED.contains(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        String uniqueId = previous == null
                ? UUID.randomUUID().toString()
                : previous.path("unique_id").asText();
        out.put("path", path.toString());
        out.put("parent_path", path.parentObject().toString());
        out.put("relative_path", path.last());
        out.put("remote_path", "");
        out.put("unique_id", uniqueId);
        out.put("realization_id", uniqueId);
        out.put("marked_for_delete", false);
        out.put("overridden", false);
        out.put(
                "_system_owned",
                previous == null ? systemOwned : previous.path("_system_owned").asBoolean());
        out.put("_protection", "NOT_PROTECTED");
        out.put(
                "_create_time",
                previous == null ? nowMillis : previous.path("_create_time").asLong());
        out.put(
                "_create_user",
                previous == null ? user : previous.path("_create_user").asText());
        out.put("_last_modified_time", nowMillis);
        out.put("_last_modified_user", user);
        out.put("_revision", previous == null ? FIRST_REVISION : revision(previous) + 1);
        return out;
    }
}
