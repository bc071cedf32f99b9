package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.ObjectKind;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.SystemFields;
import java.util.Iterator;
import java.util.Set;

/** Checks a request body against its type before anything is stored. */
final class ObjectValidator {

    static final int MAX_TAGS = 30;
    private static final int MAX_SCOPE = 128;
    private static final int MAX_TAG = 256;
    private static final int MAX_ID = 1024;

    private ObjectValidator() {}

    /**
     * Checks the id, resource_type, property names and tags; returns the resource_type the
     * stored object will have.
     */
    static String check(ObjectKind type, PolicyPath path, ObjectNode body, JsonNode existing) {
        checkId(path);
        if (body.has("id") && !body.get("id").asText().equals(path.last())) {
            throw new ApiException(NsxError.invalid(
                    "The id " + body.get("id") + " in the body of " + path + " does not match the id in the path"));
        }
        String resourceType = resourceType(type, path, body, existing);
        Set<String> allowed = type.properties().get(resourceType);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)
                    && !SystemFields.WRITABLE.contains(name)
                    && !SystemFields.READ_ONLY.contains(name)) {
                throw new ApiException(NsxError.unreadable(
                        "property " + name + " is unrecognized for " + resourceType + " at " + path));
            }
        }
        type.choices().forEach((property, values) -> {
            JsonNode value = body.get(property);
            if (value != null && !value.isNull() && !values.contains(value.asText())) {
                throw new ApiException(NsxError.invalid(property + " of " + path + " must be one of "
                        + new java.util.TreeSet<>(values) + ", got " + value));
            }
        });
        checkTags(path, body.get("tags"));
        return resourceType;
    }

    private static void checkId(PolicyPath path) {
        String id = path.last();
        if (id.contains("&") || id.length() > MAX_ID || id.isBlank()) {
            throw new ApiException(NsxError.invalid(
                    "The id '" + abbreviate(id) + "' is invalid: ids must be 1 to 1024 characters without '/' or '&'"));
        }
    }

    private static String resourceType(ObjectKind type, PolicyPath path, ObjectNode body, JsonNode existing) {
        JsonNode given = body.get("resource_type");
        if (given == null || given.isNull()) {
            if (existing != null) {
                return existing.path("resource_type").asText();
            }
            if (type.has(ObjectKind.Trait.RESOURCE_TYPE_REQUIRED)) {
                throw new ApiException(NsxError.invalid("resource_type is required for " + path + "; one of "
                        + type.properties().keySet()));
            }
            return type.defaultResourceType();
        }
        if (!type.properties().containsKey(given.asText())) {
            throw new ApiException(NsxError.invalid("resource_type " + given + " is not valid at " + path
                    + "; expected one of " + type.properties().keySet()));
        }
        if (existing != null && !existing.path("resource_type").asText().equals(given.asText())) {
            throw new ApiException(NsxError.invalid("resource_type of " + path + " is "
                    + existing.path("resource_type").asText() + " and cannot change to " + given.asText()));
        }
        return given.asText();
    }

    private static void checkTags(PolicyPath path, JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            throw new ApiException(NsxError.invalid("tags of " + path + " must be a list of {scope, tag}"));
        }
        if (tags.size() > MAX_TAGS) {
            throw new ApiException(NsxError.invalid(
                    path + " has " + tags.size() + " tags; at most " + MAX_TAGS + " are allowed per object"));
        }
        int index = 0;
        for (JsonNode tag : tags) {
            if (!tag.isObject()
                    || tag.path("scope").asText("").length() > MAX_SCOPE
                    || tag.path("tag").asText("").length() > MAX_TAG) {
                throw new ApiException(NsxError.invalid("tags[" + index + "] of " + path
                        + " must be {scope (at most 128 characters), tag (at most 256 characters)}"));
            }
            index++;
        }
    }

    private static String abbreviate(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "..." : id;
    }
}
