package io.netform.nsxsim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One all-or-nothing change to the store: reads see the changes made so far, and
 * {@link PolicyStore#write} undoes every change if the work fails.
 */
public final class Transaction {

    private record Undo(String path, ObjectNode previous, List<String> previousReferences) {}

    private final ObjectTree tree;
    private final Deque<Undo> undo = new ArrayDeque<>();

    Transaction(ObjectTree tree) {
        this.tree = tree;
    }

    /** The object tree as changed so far, for reading. */
    public ObjectTree view() {
        return tree;
    }

    /** The object at a path, or null. */
    public ObjectNode get(String path) {
        return tree.get(path);
    }

    /** Stores an object with the paths it refers to. */
    public void put(String path, ObjectNode node, List<String> references) {
        List<String> before = tree.referencesOf(path);
        undo.push(new Undo(path, tree.put(path, node, references), before));
    }

    /** Removes one object. */
    public void remove(String path) {
        List<String> before = tree.referencesOf(path);
        ObjectNode previous = tree.remove(path);
        if (previous != null) {
            undo.push(new Undo(path, previous, before));
        }
    }

    /** The paths of objects that refer to the given path. */
    public Set<String> referrersOf(String path) {
        return tree.referrersOf(path);
    }

    /** A store-wide number that never repeats (NSX's numeric rule ids). */
    public long nextSequence() {
        return tree.nextSequence();
    }

    boolean changed() {
        return !undo.isEmpty();
    }

    /** Every path this transaction changed, with its object now (null when it was removed). */
    Map<String, ObjectNode> changes() {
        Map<String, ObjectNode> changes = new LinkedHashMap<>();
        undo.descendingIterator().forEachRemaining(step -> changes.put(step.path(), tree.get(step.path())));
        return changes;
    }

    void rollback() {
        while (!undo.isEmpty()) {
            Undo step = undo.pop();
            if (step.previous() == null) {
                tree.remove(step.path());
            } else {
                tree.put(step.path(), step.previous(), step.previousReferences());
            }
        }
    }
}
