package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.PolicyPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every stored object keyed by path, with the indexes the API needs: members of each collection
 * (for lists), the subtree under a path (for deletes) and who refers to a path (for reference
 * checks). Not thread-safe; {@link PolicyStore} guards it. Stored nodes are never mutated.
 */
public final class ObjectTree {

    private final NavigableMap<String, ObjectNode> objects = new TreeMap<>();
    private final Map<String, TreeSet<String>> collections = new HashMap<>();
    private final Map<String, List<String>> referencesOf = new HashMap<>();
    private final Map<String, Set<String>> referrers = new HashMap<>();
    private long sequence = 1000;

    /** The object at a path, or null. */
    public ObjectNode get(String path) {
        return objects.get(path);
    }

    /** True when an object exists at the path. */
    public boolean contains(String path) {
        return objects.containsKey(path);
    }

    /** The ids in a collection (such as {@code /infra/segments}), sorted. */
    public List<String> members(String collectionPath) {
        TreeSet<String> ids = collections.get(collectionPath);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** The paths strictly below an object, in path order (parents before their children). */
    public List<String> descendants(String path) {
        return List.copyOf(objects.subMap(path + "/", true, path + "0", false).keySet());
    }

    /** The paths of objects that refer to the given path. */
    public Set<String> referrersOf(String path) {
        Set<String> found = referrers.get(path);
        return found == null ? Set.of() : Set.copyOf(found);
    }

    /** Every stored object in path order. */
    public Collection<ObjectNode> all() {
        return java.util.Collections.unmodifiableCollection(objects.values());
    }

    /** The next value of a store-wide counter, above any numeric {@code rule_id} stored. */
    long nextSequence() {
        return ++sequence;
    }

    /** Stores an object with the paths it refers to; returns the object it replaced, or null. */
    ObjectNode put(String path, ObjectNode node, List<String> references) {
        ObjectNode previous = objects.put(path, node);
        sequence = Math.max(sequence, node.path("rule_id").asLong(0));
        if (previous == null) {
            PolicyPath parsed = PolicyPath.parse(path);
            collections
                    .computeIfAbsent(parsed.up().toString(), k -> new TreeSet<>())
                    .add(parsed.last());
        }
        unlinkReferences(path);
        List<String> refs = List.copyOf(references);
        if (!refs.isEmpty()) {
            referencesOf.put(path, refs);
            refs.forEach(target ->
                    referrers.computeIfAbsent(target, k -> new TreeSet<>()).add(path));
        }
        return previous;
    }

    /** Removes one object (not its subtree); returns it, or null. */
    ObjectNode remove(String path) {
        ObjectNode previous = objects.remove(path);
        if (previous != null) {
            PolicyPath parsed = PolicyPath.parse(path);
            String collection = parsed.up().toString();
            TreeSet<String> ids = collections.get(collection);
            ids.remove(parsed.last());
            if (ids.isEmpty()) {
                collections.remove(collection);
            }
            unlinkReferences(path);
        }
        return previous;
    }

    /** The paths an object refers to, as recorded when it was stored. */
    List<String> referencesOf(String path) {
        return referencesOf.getOrDefault(path, List.of());
    }

    private void unlinkReferences(String path) {
        List<String> old = referencesOf.remove(path);
        if (old == null) {
            return;
        }
        for (String target : new ArrayList<>(old)) {
            Set<String> set = referrers.get(target);
            if (set != null) {
                set.remove(path);
                if (set.isEmpty()) {
                    referrers.remove(target);
                }
            }
        }
    }
}
