package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.ObjectKind;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.store.Transaction;
import java.util.List;

/**
 * The hierarchical {@code PATCH /infra}: a tree of {@code Child<Type>} wrappers, each creating,
 * merging or (with {@code marked_for_delete}) deleting one object, and
 * {@code ChildResourceReference} entries that reach into an existing parent. Applied inside one
 * transaction, so a failure anywhere leaves the store unchanged.
 */
final class HierarchicalPatch {

    private static final String WRAPPER = "Child";
    private static final String REFERENCE = "ChildResourceReference";

    private final PolicyObjects objects;

    HierarchicalPatch(PolicyObjects objects) {
        this.objects = objects;
    }

    /** Applies the body of {@code PATCH /infra}. */
    void apply(Transaction tx, ObjectNode infra, boolean enforceRevision, String user) {
        String type = infra.path("resource_type").asText("Infra");
        if (!type.equals("Infra")) {
            throw new ApiException(NsxError.invalid("PATCH /infra expects resource_type Infra, got " + type));
        }
        WriteMode mode = enforceRevision ? WriteMode.PATCH : WriteMode.HIERARCHICAL;
        applyChildren(tx, new PolicyPath(List.of()), infra.get("children"), mode, user, "children");
    }

    private void applyChildren(
            Transaction tx, PolicyPath parent, JsonNode children, WriteMode mode, String user, String where) {
        if (children == null || children.isNull()) {
            return;
        }
        if (!children.isArray()) {
            throw new ApiException(NsxError.invalid(where + " of " + parent + " must be a list of Child objects"));
        }
        int index = 0;
        for (JsonNode wrapper : children) {
            String at = where + "[" + index++ + "]";
            try {
                applyWrapper(tx, parent, wrapper, mode, user, at);
            } catch (ApiException e) {
                NsxError cause = e.error();
                throw new ApiException(
                        cause.message().startsWith("H-API ")
                                ? cause
                                : new NsxError(
                                        cause.status(),
                                        cause.code(),
                                        cause.codeAsText(),
                                        cause.module(),
                                        "H-API " + at + ": " + cause.message(),
                                        List.of(cause)));
            }
        }
    }

    private void applyWrapper(
            Transaction tx, PolicyPath parent, JsonNode wrapper, WriteMode mode, String user, String at) {
        String kind = wrapper.path("resource_type").asText("");
        if (kind.equals(REFERENCE)) {
            PolicyPath target = parent.child(
                    childType(parent, wrapper.path("target_type").asText(), at).collection(), requireId(wrapper, at));
            if (tx.get(target.toString()) == null) {
                throw new ApiException(NsxError.invalidPath(target.toString()));
            }
            applyChildren(tx, target, wrapper.get("children"), mode, user, at + ".children");
            return;
        }
        if (!kind.startsWith(WRAPPER)
                || !wrapper.path(kind.substring(WRAPPER.length())).isObject()) {
            throw new ApiException(NsxError.invalid(at + " must be a Child<Type> wrapper holding the object under"
                    + " the key <Type>, or a ChildResourceReference; got resource_type '" + kind + "'"));
        }
        String name = kind.substring(WRAPPER.length());
        ObjectNode inner = ((ObjectNode) wrapper.get(name)).deepCopy();
        ObjectKind type = childType(parent, inner.path("resource_type").asText(name), at);
        PolicyPath path = parent.child(type.collection(), requireId(inner, at));
        if (wrapper.path("marked_for_delete").asBoolean(false)
                || inner.path("marked_for_delete").asBoolean(false)) {
            if (tx.get(path.toString()) != null) {
                objects.delete(tx, path, DeleteOptions.NONE);
            }
            return;
        }
        JsonNode grandchildren = inner.remove("children");
        objects.write(tx, path, inner, mode, user);
        applyChildren(tx, path, grandchildren, mode, user, at + ".children");
    }

    private ObjectKind childType(PolicyPath parent, String name, String at) {
        return objects.catalog()
                .childType(parent.pattern(), name)
                .orElseThrow(
                        () -> new ApiException(NsxError.invalid(at + ": " + name + " cannot be a child of " + parent)));
    }

    private static String requireId(JsonNode node, String at) {
        String id = node.path("id").asText("");
        if (id.isEmpty()) {
            throw new ApiException(NsxError.invalid(at + " needs an id"));
        }
        return id;
    }
}
