package io.netform.cli;

import io.netform.plan.Action;
import io.netform.value.Value;
import java.util.List;
import java.util.SortedMap;

/**
 * One node of a computed change between two values, ready to be written as the human plan: what
 * happens to it ({@link Action#CREATE}, {@link Action#DELETE}, {@link Action#UPDATE} or
 * {@link Action#NO_OP}) and whether its change forces the replacement of the whole object. Nodes
 * hold no sensitive content: a sensitive value becomes a {@link Sensitive} node without its value.
 */
sealed interface DiffNode {

    Action action();

    boolean replace();

    /** A string, number or bool (either side may be a null value); values are unmarked. */
    record Primitive(Value before, Value after, Action action, boolean replace) implements DiffNode {}

    /** A value known only after apply; {@code before} is the removed old value, or null if there was none. */
    record Unknown(DiffNode before, Action action, boolean replace) implements DiffNode {}

    /** A value that is (or was) sensitive, shown without its content. */
    record Sensitive(
            boolean beforeSensitive, boolean afterSensitive, Action contentAction, Action action, boolean replace)
            implements DiffNode {}

    /**
     * A string holding a JSON object or array, compared as the JSON it holds.
     *
     * @param whitespaceOnly the strings differ only in layout, so the JSON is shown unchanged
     */
    record JsonString(DiffNode content, boolean whitespaceOnly, Action action, boolean replace) implements DiffNode {}

    /** A value whose type changes: the old one removed, the new one added. */
    record TypeChange(DiffNode before, DiffNode after, Action action, boolean replace) implements DiffNode {}

    /**
     * A list, tuple or set, element by element.
     *
     * @param context whether unchanged neighbours of a change are shown, as for ordered lists
     */
    record Sequence(List<DiffNode> elements, boolean context, Action action, boolean replace) implements DiffNode {}

    /** A map, by key; an object-typed attribute, by attribute name. */
    record Keyed(SortedMap<String, DiffNode> entries, boolean isObject, Action action, boolean replace)
            implements DiffNode {}

    /** A block of a resource's schema: its attributes, then its nested blocks. */
    record Block(SortedMap<String, DiffNode> attributes, List<NestedBlocks> blocks, Action action, boolean replace)
            implements DiffNode {}

    /** A block whose content is (or was) sensitive as a whole. */
    record SensitiveBlock(Action action, boolean replace) implements DiffNode {}

    /**
     * The blocks of one nested block type.
     *
     * @param labels  the map keys of map-nested blocks (else empty strings), one per block
     * @param replace whether the change of all these blocks together forces replacement
     */
    record NestedBlocks(String name, List<String> labels, List<DiffNode> blocks, boolean replace) {}
}
