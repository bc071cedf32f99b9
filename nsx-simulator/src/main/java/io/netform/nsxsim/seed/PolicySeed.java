package io.netform.nsxsim.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.ObjectKind;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.ReferenceFields;
import io.netform.nsxsim.model.TypeCatalog;
import io.netform.nsxsim.store.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An export of Policy objects from an NSX Manager, as its GET calls returned them (system fields such
 * as {@code _revision} and computed ones such as a carved {@code cidr} included), with what the export
 * left out and why. A fresh simulator stores the objects as they are.
 *
 * @param manager    the manager the objects came from
 * @param exportedAt when, as an ISO-8601 instant
 * @param objects    the objects, parents before children
 * @param leftOut    paths (or {@code path#field}) the export did not take, each with its reason
 */
public record PolicySeed(String manager, String exportedAt, List<ObjectNode> objects, List<LeftOut> leftOut) {

    /** The {@code format} value of a seed file. */
    public static final String FORMAT = "netform-nsx-seed";

    /** Something the export did not take, and why. */
    public record LeftOut(String what, String reason) {}

    public PolicySeed {
        objects = List.copyOf(objects);
        leftOut = List.copyOf(leftOut);
    }

    /** Writes the seed as JSON. */
    public void write(Path file) {
        ObjectNode out = Json.object()
                .put("format", FORMAT)
                .put("format_version", 1)
                .put("manager", manager)
                .put("exported_at", exportedAt);
        ArrayNode list = out.putArray("objects");
        objects.forEach(list::add);
        ArrayNode left = out.putArray("left_out");
        leftOut.forEach(l -> left.addObject().put("what", l.what()).put("reason", l.reason()));
        try {
            Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a seed file.
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read or is not a seed
     */
    public static PolicySeed read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the NSX seed " + file + ": " + e.getMessage(), e);
        }
        if (root == null
                || !FORMAT.equals(root.path("format").asText())
                || root.path("format_version").asInt() != 1) {
            throw new IllegalArgumentException(
                    file + " is not an NSX seed written by nsx-sim export (format " + FORMAT + ", format_version 1)");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode object : root.path("objects")) {
            if (!object.isObject() || PolicyPath.parse(object.path("path").asText(null)) == null) {
                throw new IllegalArgumentException(file + ": every object needs a path under /infra, got " + object);
            }
            objects.add((ObjectNode) object);
        }
        List<LeftOut> leftOut = new ArrayList<>();
        root.path("left_out")
                .forEach(l -> leftOut.add(
                        new LeftOut(l.path("what").asText(), l.path("reason").asText())));
        return new PolicySeed(
                root.path("manager").asText(), root.path("exported_at").asText(), objects, leftOut);
    }

    /**
     * Stores the objects as they are, inline children (a policy's rules) as objects of their own,
     * replacing the children of that kind the store had; then checks that every object's parent and
     * every path it refers to exist.
     *
     * @throws IllegalArgumentException naming the object, when the simulator cannot hold it
     */
    public void insert(Transaction tx, TypeCatalog catalog) {
        Set<String> stored = new LinkedHashSet<>();
        for (ObjectNode object : objects) {
            insert(tx, catalog, object.deepCopy(), stored);
        }
        for (String path : stored) {
            PolicyPath parent = PolicyPath.parse(path).parentObject();
            if (!parent.isRoot() && tx.get(parent.toString()) == null) {
                throw new IllegalArgumentException(path + " is in the seed but its parent " + parent + " is not");
            }
            ObjectKind type = catalog.typeOf(PolicyPath.parse(path)).orElseThrow();
            for (String reference : ReferenceFields.extract(tx.get(path), type.references())) {
                if (tx.get(reference) == null) {
                    throw new IllegalArgumentException(
                            path + " refers to " + reference + ", which is neither in the seed nor in the simulator");
                }
            }
        }
    }

    private static void insert(Transaction tx, TypeCatalog catalog, ObjectNode object, Set<String> stored) {
        PolicyPath path = PolicyPath.parse(object.path("path").asText(null));
        ObjectKind type = path == null ? null : catalog.typeOf(path).orElse(null);
        if (type == null) {
            throw new IllegalArgumentException(
                    "the simulator holds no objects like " + object.path("path").asText("(no path)"));
        }
        List<ObjectNode> children = new ArrayList<>();
        type.inlineChildren().forEach((property, collection) -> {
            JsonNode items = object.remove(property);
            Set<String> listed = new HashSet<>();
            if (items != null) {
                for (JsonNode item : items) {
                    ObjectNode child = (ObjectNode) item;
                    String id = child.path("id").asText();
                    child.put("path", path.child(collection, id).toString());
                    listed.add(id);
                    children.add(child);
                }
            }
            // The export holds all of them: children of this kind it does not list are not on the manager.
            for (String id : tx.view().members(path + "/" + collection)) {
                if (!listed.contains(id)) {
                    removeSubtree(tx, path.child(collection, id).toString());
                }
            }
        });
        tx.put(path.toString(), object, ReferenceFields.extract(object, type.references()));
        stored.add(path.toString());
        children.forEach(child -> insert(tx, catalog, child, stored));
    }

    private static void removeSubtree(Transaction tx, String path) {
        List<String> below = tx.view().descendants(path);
        for (int i = below.size() - 1; i >= 0; i--) {
            tx.remove(below.get(i));
        }
        tx.remove(path);
    }
}
