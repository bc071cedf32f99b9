package io.netform.nsxsim.model;

import java.util.List;

/**
 * A Policy API path such as {@code /infra/tier-1s/t1/segments/web}: after {@code /infra} the
 * segments alternate between a collection name and an object id.
 */
public record PolicyPath(List<String> segments) {

    /** The root every Policy path starts with. */
    public static final String ROOT = "/infra";

    /** Copies the segments so the path stays immutable. */
    public PolicyPath {
        segments = List.copyOf(segments);
    }

    /** Parses an already URL-decoded path; returns null when it does not start at {@code /infra}. */
    public static PolicyPath parse(String text) {
        if (text == null || !(text.equals(ROOT) || text.startsWith(ROOT + "/"))) {
            return null;
        }
        String rest = text.substring(ROOT.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return new PolicyPath(List.of());
        }
        List<String> parts = List.of(rest.substring(1).split("/", -1));
        return parts.stream().anyMatch(String::isEmpty) ? null : new PolicyPath(parts);
    }

    /** True for {@code /infra} itself. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** True when the path names an object (even number of segments), false for a collection. */
    public boolean isObject() {
        return segments.size() % 2 == 0;
    }

    /** The id of the object, or the collection name of a collection path. */
    public String last() {
        return segments.isEmpty() ? "infra" : segments.get(segments.size() - 1);
    }

    /** The path one segment up. */
    public PolicyPath up() {
        return new PolicyPath(segments.subList(0, segments.size() - 1));
    }

    /** The object that holds this object or collection: two segments up for objects. */
    public PolicyPath parentObject() {
        return isObject() ? up().up() : up();
    }

    /** This object's path with a collection and id appended. */
    public PolicyPath child(String collection, String id) {
        List<String> more = new java.util.ArrayList<>(segments);
        more.add(collection);
        more.add(id);
        return new PolicyPath(more);
    }

    /** The path with every id replaced by {@code *}: the key of the type descriptor. */
    public String pattern() {
        StringBuilder out = new StringBuilder(ROOT);
        for (int i = 0; i < segments.size(); i++) {
            out.append('/').append(i % 2 == 1 ? "*" : segments.get(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return segments.isEmpty() ? ROOT : ROOT + "/" + String.join("/", segments);
    }
}
