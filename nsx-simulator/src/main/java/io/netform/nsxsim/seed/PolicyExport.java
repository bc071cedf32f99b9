package io.netform.nsxsim.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.ObjectKind;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.model.SystemFields;
import io.netform.nsxsim.model.TypeCatalog;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports, through GET calls only, the Policy objects a state refers to: each object with its whole
 * subtree (a tier-1's locale services, NAT rules and segments, a segment's ports, a policy's rules),
 * then, without their subtrees, the objects those refer to and their parents, until the set is
 * closed, so that a simulator can hold it. What the simulator cannot model (other object types,
 * fields it does not know, other sites) is left out and listed in the seed.
 */
public final class PolicyExport {

    /** The fabric objects every simulator has from install; objects under other sites cannot be held. */
    private static final String DEFAULT_SITE = "/infra/sites/default";

    private static final String DEFAULT_ENFORCEMENT_POINT = DEFAULT_SITE + "/enforcement-points/default";

    private final TypeCatalog catalog;
    private final PolicyReader nsx;
    private final Map<String, ObjectNode> objects = new TreeMap<>();
    private final List<PolicySeed.LeftOut> leftOut = new ArrayList<>();
    /** Every path queued, and whether its subtree was asked for. */
    private final Map<String, Boolean> seen = new HashMap<>();

    private final Deque<Visit> queue = new ArrayDeque<>();

    private record Visit(String path, boolean withSubtree) {}

    private PolicyExport(TypeCatalog catalog, PolicyReader nsx) {
        this.catalog = catalog;
        this.nsx = nsx;
    }

    /** Exports the objects at {@code paths} (from a state) and what they need, read from {@code manager}. */
    public static PolicySeed export(TypeCatalog catalog, PolicyReader nsx, String manager, Collection<String> paths) {
        PolicyExport export = new PolicyExport(catalog, nsx);
        paths.forEach(p -> export.enqueue(p, true));
        while (!export.queue.isEmpty()) {
            export.visit(export.queue.removeFirst());
        }
        return new PolicySeed(manager, Instant.now().toString(), List.copyOf(export.objects.values()), export.leftOut);
    }

    private void enqueue(String path, boolean withSubtree) {
        Boolean before = seen.get(path);
        if (before == null || (withSubtree && !before)) {
            seen.put(path, withSubtree);
            queue.addLast(new Visit(path, withSubtree));
        }
    }

    private void visit(Visit visit) {
        String path = visit.path();
        PolicyPath parsed = PolicyPath.parse(path);
        if (parsed == null || !parsed.isObject()) {
            leftOut(path, "not the path of a Policy object under /infra");
            return;
        }
        if (path.equals(DEFAULT_SITE) || path.equals(DEFAULT_ENFORCEMENT_POINT)) {
            return; // every simulator has them; the manager's own carries its connection details
        }
        if (path.startsWith("/infra/sites/") && !path.startsWith(DEFAULT_ENFORCEMENT_POINT + "/")) {
            leftOut(path, "under a site or enforcement point other than default, which the simulator does not have");
            return;
        }
        ObjectKind type = catalog.typeOf(parsed).orElse(null);
        if (type == null) {
            leftOut(path, "the simulator does not model this kind of object");
            return;
        }
        JsonNode found = nsx.get(path, Map.of());
        if (found == null || !found.isObject()) {
            leftOut(path, "the manager has no such object");
            return;
        }
        ObjectNode object = (ObjectNode) found;
        if (object.path("marked_for_delete").asBoolean(false)) {
            leftOut(path, "marked for deletion on the manager");
            return;
        }
        keepKnownFields(type, path, object);
        objects.put(path, object);
        for (PolicyPath up = parsed.parentObject(); !up.isRoot(); up = up.parentObject()) {
            enqueue(up.toString(), false);
        }
        references(type, object).forEach(reference -> enqueue(reference, false));
        if (visit.withSubtree()) {
            children(parsed, type).forEach(child -> enqueue(child, true));
        }
    }

    /** The paths an object and its inline children refer to. */
    private List<String> references(ObjectKind type, ObjectNode object) {
        List<String> all = new ArrayList<>(ReferenceFields.extract(object, type.references()));
        type.inlineChildren().forEach((property, collection) -> {
            ObjectKind childType =
                    catalog.typeAt(type.pattern() + "/" + collection + "/*").orElseThrow();
            object.path(property).forEach(child -> all.addAll(ReferenceFields.extract(child, childType.references())));
        });
        return all;
    }

    /** The objects directly below, listed page by page, except inline children, which came with the object. */
    private List<String> children(PolicyPath parent, ObjectKind type) {
        List<String> found = new ArrayList<>();
        for (ObjectKind child : catalog.types()) {
            if (!child.parentPattern().equals(parent.pattern())
                    || type.inlineChildren().containsValue(child.collection())) {
                continue;
            }
            String collection = parent + "/" + child.collection();
            String cursor = null;
            do {
                JsonNode page = nsx.get(collection, cursor == null ? Map.of() : Map.of("cursor", cursor));
                if (page == null) {
                    break;
                }
                page.path("results")
                        .forEach(member -> found.add(member.path("path")
                                .asText(collection + "/" + member.path("id").asText())));
                cursor = page.path("results").isEmpty()
                        ? null
                        : page.path("cursor").asText(null);
            } while (cursor != null && !cursor.isEmpty());
        }
        return found;
    }

    /** Removes the fields the simulator does not model from the object and its inline children, listing them. */
    private void keepKnownFields(ObjectKind type, String path, ObjectNode object) {
        String resourceType = object.path("resource_type").asText(type.defaultResourceType());
        var known = type.properties().get(resourceType);
        if (known == null) {
            leftOut(
                    path + "#resource_type",
                    "resource_type " + resourceType + " is not modelled; kept as " + type.defaultResourceType());
            object.put("resource_type", type.defaultResourceType());
            known = type.properties().get(type.defaultResourceType());
        }
        for (String field : new ArrayList<>(iterable(object))) {
            if (type.inlineChildren().containsKey(field)) {
                ObjectKind childType = catalog.typeAt(
                                type.pattern() + "/" + type.inlineChildren().get(field) + "/*")
                        .orElseThrow();
                int i = 0;
                for (JsonNode child : object.path(field)) {
                    keepKnownFields(
                            childType,
                            path + "/" + type.inlineChildren().get(field) + "/"
                                    + child.path("id").asText(Integer.toString(i)),
                            (ObjectNode) child);
                    i++;
                }
            } else if (!known.contains(field)
                    && !SystemFields.WRITABLE.contains(field)
                    && !SystemFields.READ_ONLY.contains(field)) {
                object.remove(field);
                leftOut(path + "#" + field, "a field the simulator does not model");
            }
        }
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void leftOut(String what, String reason) {
        leftOut.add(new PolicySeed.LeftOut(what, reason));
    }
}
