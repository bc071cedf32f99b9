package io.netform.nsxsim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.ObjectKind;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.model.SystemFields;
import io.netform.nsxsim.model.TypeCatalog;
import io.netform.nsxsim.store.ObjectTree;
import io.netform.nsxsim.store.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The create, merge, replace, delete and read semantics shared by every object type, driven
 * by the type descriptors of the {@link TypeCatalog}.
 */
public final class PolicyObjects {

    private final TypeCatalog catalog;
    private final Clock clock;

    /** Objects of the catalog's types, stamped with times from the clock. */
    public PolicyObjects(TypeCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The catalog in use. */
    public TypeCatalog catalog() {
        return catalog;
    }

    /** The type of the object at the path; 404 when the simulator has no such kind of object. */
    public ObjectKind typeOf(PolicyPath path) {
        return catalog.typeOf(path).orElseThrow(() -> new ApiException(NsxError.notFound(path.toString())));
    }

    /** The object as GET returns it (inline children such as a policy's rules included), or null. */
    public ObjectNode render(ObjectTree tree, String path) {
        ObjectNode node = tree.get(path);
        ObjectKind type =
                node == null ? null : catalog.typeOf(PolicyPath.parse(path)).orElse(null);
        if (type == null || type.inlineChildren().isEmpty()) {
            return node;
        }
        ObjectNode out = node.deepCopy();
        type.inlineChildren().forEach((property, collection) -> {
            List<ObjectNode> items = new ArrayList<>();
            for (String id : tree.members(path + "/" + collection)) {
                items.add(render(tree, path + "/" + collection + "/" + id));
            }
            items.sort(Comparator.comparingLong(
                            (ObjectNode n) -> n.path("sequence_number").asLong(0))
                    .thenComparing(n -> n.path("id").asText()));
            ArrayNode array = out.putArray(property);
            items.forEach(array::add);
        });
        return out;
    }

    /** Creates the object or updates it as the mode says, then its inline children. */
    public void write(Transaction tx, PolicyPath path, ObjectNode body, WriteMode mode, String user) {
        ObjectKind type = typeOf(path);
        ObjectNode existing = tx.get(path.toString());
        String resourceType = ObjectValidator.check(type, path, body, existing);
        checkRevision(path, body, existing, mode);
        if (existing == null) {
            ensureParent(tx, path, user);
        }
        ObjectNode content = existing == null || mode.replace() ? Json.object() : existing.deepCopy();
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (type.inlineChildren().containsKey(field.getKey())) {
                inline.put(field.getKey(), field.getValue());
            } else if (!SystemFields.READ_ONLY.contains(field.getKey())) {
                content.set(field.getKey(), field.getValue());
            }
        }
        content.put("resource_type", resourceType);
        List<String> references = ReferenceFields.extract(content, type.references());
        checkReferences(tx, references);
        DerivedFields.apply(tx, path, resourceType, content, existing);
        ObjectNode stored = SystemFields.stamp(content, path, resourceType, existing, user, clock.millis(), false);
        tx.put(path.toString(), stored, references);
        inline.forEach((property, items) -> writeInline(tx, path, type, property, items, mode, user));
    }

    /** Deletes the object and the children that go with it, unless something still needs it. */
    public void delete(Transaction tx, PolicyPath path, DeleteOptions options) {
        ObjectKind type = typeOf(path);
        String target = path.toString();
        JsonNode node = tx.get(target);
        if (node == null) {
            throw new ApiException(NsxError.notFound(target));
        }
        if (type.has(ObjectKind.Trait.NOT_DELETABLE)) {
            throw new ApiException(NsxError.methodNotAllowed("DELETE", target));
        }
        List<String> subtree = tx.view().descendants(target);
        checkChildren(path, subtree, options);
        if (!(options.force() && type.has(ObjectKind.Trait.FORCE_DELETABLE))) {
            checkReferrers(tx, target, subtree);
        }
        if (IpAddressing.STATIC_SUBNET.equals(node.path("resource_type").asText())
                || IpAddressing.BLOCK_SUBNET.equals(node.path("resource_type").asText())) {
            checkAllocations(tx.view(), path, options);
        }
        for (int i = subtree.size() - 1; i >= 0; i--) {
            tx.remove(subtree.get(i));
        }
        tx.remove(target);
    }

    private void checkRevision(PolicyPath path, ObjectNode body, JsonNode existing, WriteMode mode) {
        JsonNode given = body.get("_revision");
        if (existing == null
                || mode.revision() == WriteMode.RevisionCheck.NONE
                || (given == null && mode.revision() == WriteMode.RevisionCheck.IF_PRESENT)) {
            return;
        }
        long current = SystemFields.revision(existing);
        if (given == null || !given.canConvertToLong() || given.asLong() != current) {
            throw new ApiException(
                    NsxError.staleRevision(path.toString(), given == null ? "(none)" : given.toString(), current));
        }
    }

    private void ensureParent(Transaction tx, PolicyPath path, String user) {
        PolicyPath parent = path.parentObject();
        if (parent.isRoot() || tx.get(parent.toString()) != null) {
            return;
        }
        boolean implicit = catalog.typeOf(parent)
                .map(t -> t.has(ObjectKind.Trait.IMPLICIT))
                .orElse(false);
        PolicyPath grandparent = parent.parentObject();
        if (implicit && (grandparent.isRoot() || tx.get(grandparent.toString()) != null)) {
            write(tx, parent, Json.object(), WriteMode.PATCH, user);
            return;
        }
        throw new ApiException(NsxError.invalidPath(parent.toString()));
    }

    private static void checkReferences(Transaction tx, List<String> references) {
        for (String reference : references) {
            if (PolicyPath.parse(reference) == null || tx.get(reference) == null) {
                throw new ApiException(NsxError.invalidPath(reference));
            }
        }
    }

    private void writeInline(
            Transaction tx,
            PolicyPath path,
            ObjectKind type,
            String property,
            JsonNode items,
            WriteMode mode,
            String user) {
        if (!items.isArray()) {
            throw new ApiException(NsxError.invalid(property + " of " + path + " must be a list"));
        }
        String collection = type.inlineChildren().get(property);
        Set<String> listed = new HashSet<>();
        int index = 0;
        for (JsonNode item : items) {
            if (!item.isObject()
                    || !item.path("id").isTextual()
                    || item.get("id").asText().isEmpty()) {
                throw new ApiException(
                        NsxError.invalid(property + "[" + index + "] of " + path + " must be an object with an id"));
            }
            String id = item.get("id").asText();
            listed.add(id);
            write(tx, path.child(collection, id), (ObjectNode) item, mode.forInlineChildren(), user);
            index++;
        }
        if (mode.replace()) {
            for (String id : tx.view().members(path + "/" + collection)) {
                if (!listed.contains(id)) {
                    delete(tx, path.child(collection, id), DeleteOptions.NONE);
                }
            }
        }
    }

    private void checkChildren(PolicyPath path, List<String> subtree, DeleteOptions options) {
        for (String child : subtree) {
            PolicyPath childPath = PolicyPath.parse(child);
            switch (catalog.typeOf(childPath).map(ObjectKind::role).orElseThrow()) {
                case PORT -> {
                    if (!childPath.parentObject().equals(path)) {
                        throw new ApiException(NsxError.inUse(path.toString(), child));
                    }
                    if (!options.cascade()) {
                        throw new ApiException(NsxError.segmentHasPorts(path.toString(), child));
                    }
                }
                case BLOCKS_PARENT -> throw new ApiException(NsxError.inUse(path.toString(), child));
                case CASCADES -> {}
            }
        }
    }

    private static void checkReferrers(Transaction tx, String target, List<String> subtree) {
        List<String> removed = new ArrayList<>(subtree);
        removed.add(0, target);
        for (String path : removed) {
            for (String referrer : tx.referrersOf(path)) {
                if (!referrer.equals(target) && !referrer.startsWith(target + "/")) {
                    throw new ApiException(NsxError.inUse(target, referrer));
                }
            }
        }
    }

    private static void checkAllocations(ObjectTree tree, PolicyPath subnet, DeleteOptions options) {
        if (options.ignoreIpAllocations()) {
            return;
        }
        String pool = subnet.parentObject().toString();
        for (String id : tree.members(pool + "/ip-allocations")) {
            String allocation = pool + "/ip-allocations/" + id;
            long address = Ipv4Cidr.parseAddress(
                    tree.get(allocation).path("allocation_ip").asText(""));
            if (subnet.toString().equals(IpAddressing.subnetHolding(tree, pool, address))) {
                throw new ApiException(NsxError.inUse(subnet.toString(), allocation));
            }
        }
    }
}
