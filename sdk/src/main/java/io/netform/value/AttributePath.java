package io.netform.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from a value to a value inside it: attribute names and element keys, printed as
 * {@code .subnet[0]["key"]}. Used by diagnostics, sensitive paths and requires_replace.
 */
public record AttributePath(List<Step> steps) {
    private static final AttributePath ROOT = new AttributePath(List.of());

    public AttributePath {
        steps = List.copyOf(steps);
    }

    /** One step of a path. */
    public sealed interface Step permits AttributeName, StringKey, IntKey {}

    /** Selects an object attribute. */
    public record AttributeName(String name) implements Step {}

    /** Selects a map element by key. */
    public record StringKey(String key) implements Step {}

    /** Selects a list or tuple element by position. */
    public record IntKey(long index) implements Step {}

    /** The empty path: the value itself. */
    public static AttributePath root() {
        return ROOT;
    }

    /** A path of attribute names only, e.g. {@code of("rule", "action")}. */
    public static AttributePath of(String... attributeNames) {
        AttributePath path = ROOT;
        for (String name : attributeNames) {
            path = path.attr(name);
        }
        return path;
    }

    public AttributePath attr(String name) {
        return then(new AttributeName(name));
    }

    public AttributePath key(String key) {
        return then(new StringKey(key));
    }

    public AttributePath index(long index) {
        return then(new IntKey(index));
    }

    public AttributePath then(Step step) {
        Step[] longer = steps.toArray(new Step[steps.size() + 1]);
        longer[steps.size()] = step;
        return new AttributePath(List.of(longer)); // already immutable, so the constructor keeps it
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** True if {@code other} is this path or a path inside it. */
    public boolean isPrefixOf(AttributePath other) {
        return other.steps.size() >= steps.size()
                && other.steps.subList(0, steps.size()).equals(steps);
    }

    /**
     * The value this path addresses inside {@code value}. Stepping into an unknown value gives an
     * unknown of the addressed type; marks on the way are carried onto the result.
     *
     * @throws IllegalArgumentException naming the step when the path does not exist in the value
     */
    public Value apply(Value value) {
        Value current = value;
        for (int i = 0; i < steps.size(); i++) {
            try {
                current = current.step(steps.get(i));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException(
                        new AttributePath(steps.subList(0, i + 1)) + ": " + e.getMessage(), e);
            }
        }
        return current;
    }

    /** Terraform's form: {@code .subnet[0]["key"]}; the root path prints as the empty string. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof AttributeName a) {
                text.append('.').append(a.name());
            } else if (step instanceof StringKey k) {
                text.append('[').append(Value.quote(k.key())).append(']');
            } else {
                text.append('[').append(((IntKey) step).index()).append(']');
            }
        }
        return text.toString();
    }

    /** Words for messages: {@code attribute "subnet": element 0}. */
    public String describe() {
        List<String> words = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step instanceof AttributeName a) {
                words.add("attribute " + Value.quote(a.name()));
            } else if (step instanceof StringKey k) {
                words.add("element " + Value.quote(k.key()));
            } else {
                words.add("element " + ((IntKey) step).index());
            }
        }
        return String.join(": ", words);
    }
}
