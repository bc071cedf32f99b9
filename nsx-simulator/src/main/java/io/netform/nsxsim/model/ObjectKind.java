package io.netform.nsxsim.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes one kind of Policy object as data: where it lives, which {@code resource_type}
 * values and properties it accepts, which properties hold paths of other objects, and how it
 * takes part in deletion.
 *
 * @param name            the name used by hierarchical API wrappers ({@code Child<name>})
 * @param pattern         the path pattern with ids replaced by {@code *}
 * @param properties      type-specific properties per accepted resource_type; the first key is
 *                        the default resource_type
 * @param references      property specs holding object paths: {@code a.b}, {@code a[]}, {@code a[].b[]}
 * @param role            how objects of this type affect the deletion of their parent
 * @param inlineChildren  array properties whose items are stored as children (property to collection)
 * @param traits          special behaviours
 * @param choices         top-level text properties restricted to a set of values
 */
public record ObjectKind(
        String name,
        String pattern,
        Map<String, Set<String>> properties,
        List<String> references,
        ChildRole role,
        Map<String, String> inlineChildren,
        Set<Trait> traits,
        Map<String, Set<String>> choices) {

    /** Special behaviours of a type. */
    public enum Trait {
        /** Created on demand when a child is written (the NAT section {@code nat/USER}). */
        IMPLICIT,
        /** {@code DELETE ?force=true} skips the reference check (load-balancer objects). */
        FORCE_DELETABLE,
        /** Exists from install and can be changed but never deleted (the exclude list). */
        NOT_DELETABLE,
        /** The body must name its {@code resource_type} because several are accepted. */
        RESOURCE_TYPE_REQUIRED
    }

    /** Freezes the collections, keeping the resource_type order. */
    public ObjectKind {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        references = List.copyOf(references);
        inlineChildren = Map.copyOf(inlineChildren);
        traits = Set.copyOf(traits);
        choices = Map.copyOf(choices);
    }

    /** The resource_type given to an object whose body does not name one. */
    public String defaultResourceType() {
        return properties.keySet().iterator().next();
    }

    /** True when this type has the trait. */
    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The collection name this type's objects live in (the segment before the id). */
    public String collection() {
        String withoutId = pattern.substring(0, pattern.length() - 2);
        return withoutId.substring(withoutId.lastIndexOf('/') + 1);
    }

    /** The pattern of the object that contains objects of this type. */
    public String parentPattern() {
        String withoutId = pattern.substring(0, pattern.length() - 2);
        return withoutId.substring(0, withoutId.lastIndexOf('/'));
    }
}
