package io.netform.value;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A cty type: a primitive, a collection, a structural type or the dynamic pseudo-type. */
public sealed interface Type
        permits Type.Primitive,
                Type.Dynamic,
                Type.ListType,
                Type.SetType,
                Type.MapType,
                Type.TupleType,
                Type.ObjectType {

    Type STRING = Primitive.STRING;
    Type NUMBER = Primitive.NUMBER;
    Type BOOL = Primitive.BOOL;
    /** The placeholder for "any type": a value of this type is null or unknown until it is known. */
    Type DYNAMIC = Dynamic.DYNAMIC;

    static Type list(Type element) {
        return new ListType(element);
    }

    static Type set(Type element) {
        return new SetType(element);
    }

    static Type map(Type element) {
        return new MapType(element);
    }

    static Type tuple(List<Type> elements) {
        return new TupleType(elements);
    }

    static Type tuple(Type... elements) {
        return new TupleType(List.of(elements));
    }

    static Type object(Map<String, Type> attributes) {
        return new ObjectType(attributes, Set.of());
    }

    static Type object(Map<String, Type> attributes, Set<String> optionalAttributes) {
        return new ObjectType(attributes, optionalAttributes);
    }

    /** The name a user reads in messages, e.g. {@code list(string)} or {@code object({name=string})}. */
    String friendlyName();

    /** True if this type or any type inside it is {@link #DYNAMIC}. */
    boolean hasDynamic();

    /**
     * True if a value of this type may stand where {@code target} is expected without conversion:
     * equal types, or {@code target} has {@link #DYNAMIC} where this type has something concrete.
     * Optional-attribute markers of {@code target} are ignored.
     */
    boolean conformsTo(Type target);

    /** This type with every object's optional-attribute markers removed, as values carry them. */
    Type withoutOptionalAttributes();

    default boolean isPrimitive() {
        return this instanceof Primitive;
    }

    /** True for list, set and map types. */
    default boolean isCollection() {
        return this instanceof ListType || this instanceof SetType || this instanceof MapType;
    }

    /** The element type of a list, set or map type. */
    default Type elementType() {
        throw new IllegalStateException(friendlyName() + " is not a collection type");
    }

    /** The primitive types. */
    enum Primitive implements Type {
        STRING("string"),
        NUMBER("number"),
        BOOL("bool");

        private final String name;

        Primitive(String name) {
            this.name = name;
        }

        @Override
        public String friendlyName() {
            return name;
        }

        @Override
        public boolean hasDynamic() {
            return false;
        }

        @Override
        public boolean conformsTo(Type target) {
            return target == this || target == DYNAMIC;
        }

        @Override
        public Type withoutOptionalAttributes() {
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The dynamic pseudo-type ({@code any} in a type constraint). */
    enum Dynamic implements Type {
        DYNAMIC;

        @Override
        public String friendlyName() {
            return "dynamic";
        }

        @Override
        public boolean hasDynamic() {
            return true;
        }

        @Override
        public boolean conformsTo(Type target) {
            return target == DYNAMIC;
        }

        @Override
        public Type withoutOptionalAttributes() {
            return this;
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    /** {@code list(T)}: an ordered sequence of elements of one type. */
    record ListType(Type elementType) implements Type {
        public ListType {
            requireType(elementType);
        }

        @Override
        public String friendlyName() {
            return "list(" + elementType.friendlyName() + ")";
        }

        @Override
        public boolean hasDynamic() {
            return elementType.hasDynamic();
        }

        @Override
        public boolean conformsTo(Type target) {
            return target == DYNAMIC || target instanceof ListType l && elementType.conformsTo(l.elementType);
        }

        @Override
        public Type withoutOptionalAttributes() {
            Type plain = elementType.withoutOptionalAttributes();
            return plain == elementType ? this : new ListType(plain);
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    /** {@code set(T)}: an unordered collection of distinct elements of one type. */
    record SetType(Type elementType) implements Type {
        public SetType {
            requireType(elementType);
        }

        @Override
        public String friendlyName() {
            return "set(" + elementType.friendlyName() + ")";
        }

        @Override
        public boolean hasDynamic() {
            return elementType.hasDynamic();
        }

        @Override
        public boolean conformsTo(Type target) {
            return target == DYNAMIC || target instanceof SetType s && elementType.conformsTo(s.elementType);
        }

        @Override
        public Type withoutOptionalAttributes() {
            Type plain = elementType.withoutOptionalAttributes();
            return plain == elementType ? this : new SetType(plain);
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    /** {@code map(T)}: string keys to elements of one type. */
    record MapType(Type elementType) implements Type {
        public MapType {
            requireType(elementType);
        }

        @Override
        public String friendlyName() {
            return "map(" + elementType.friendlyName() + ")";
        }

        @Override
        public boolean hasDynamic() {
            return elementType.hasDynamic();
        }

        @Override
        public boolean conformsTo(Type target) {
            return target == DYNAMIC || target instanceof MapType m && elementType.conformsTo(m.elementType);
        }

        @Override
        public Type withoutOptionalAttributes() {
            Type plain = elementType.withoutOptionalAttributes();
            return plain == elementType ? this : new MapType(plain);
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    /** {@code tuple([T...])}: a fixed-length sequence whose elements each have their own type. */
    record TupleType(List<Type> elementTypes) implements Type {
        public TupleType {
            elementTypes = List.copyOf(elementTypes);
        }

        @Override
        public String friendlyName() {
            return elementTypes.stream().map(Type::friendlyName).collect(Collectors.joining(", ", "tuple([", "])"));
        }

        @Override
        public boolean hasDynamic() {
            return elementTypes.stream().anyMatch(Type::hasDynamic);
        }

        @Override
        public boolean conformsTo(Type target) {
            if (target == DYNAMIC) {
                return true;
            }
            if (!(target instanceof TupleType t) || t.elementTypes.size() != elementTypes.size()) {
                return false;
            }
            for (int i = 0; i < elementTypes.size(); i++) {
                if (!elementTypes.get(i).conformsTo(t.elementTypes.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Type withoutOptionalAttributes() {
            List<Type> plain =
                    elementTypes.stream().map(Type::withoutOptionalAttributes).toList();
            for (int i = 0; i < plain.size(); i++) {
                if (plain.get(i) != elementTypes.get(i)) {
                    return new TupleType(plain);
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    /**
     * {@code object({name=T, ...})}: named attributes each with their own type. Optional attributes
     * only appear in type constraints: converting to such a type fills a missing attribute with null.
     */
    record ObjectType(Map<String, Type> attributeTypes, Set<String> optionalAttributes) implements Type {
        /** Copies both arguments into immutable, name-ordered collections. */
        public ObjectType {
            attributeTypes = Collections.unmodifiableSortedMap(new TreeMap<>(attributeTypes));
            optionalAttributes = Collections.unmodifiableSortedSet(new TreeSet<>(optionalAttributes));
            attributeTypes.values().forEach(Type::requireType);
            for (String name : optionalAttributes) {
                if (!attributeTypes.containsKey(name)) {
                    throw new IllegalArgumentException(
                            "optional attribute \"" + name + "\" is not an attribute of the object type");
                }
            }
        }

        /** The type of the named attribute, or null if the object has no such attribute. */
        public Type attributeType(String name) {
            return attributeTypes.get(name);
        }

        public boolean hasAttribute(String name) {
            return attributeTypes.containsKey(name);
        }

        public boolean isOptional(String name) {
            return optionalAttributes.contains(name);
        }

        @Override
        public String friendlyName() {
            return attributeTypes.entrySet().stream()
                    .map(e -> e.getKey() + "=" + attributeText(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ", "object({", "})"));
        }

        private String attributeText(String name, Type type) {
            return isOptional(name) ? "optional(" + type.friendlyName() + ")" : type.friendlyName();
        }

        @Override
        public boolean hasDynamic() {
            for (Type type : attributeTypes.values()) {
                if (type.hasDynamic()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean conformsTo(Type target) {
            if (target == this || target == DYNAMIC) {
                return true;
            }
            if (!(target instanceof ObjectType o) || !o.attributeTypes.keySet().equals(attributeTypes.keySet())) {
                return false;
            }
            // Plain loops: every value encoded and every object made checks its type here.
            for (Map.Entry<String, Type> e : attributeTypes.entrySet()) {
                if (!e.getValue().conformsTo(o.attributeTypes.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Type withoutOptionalAttributes() {
            // Types are made for every value read and written; most have nothing optional, and stay as they are.
            boolean plain = optionalAttributes.isEmpty();
            for (Type type : attributeTypes.values()) {
                if (!plain) {
                    break;
                }
                plain = type.withoutOptionalAttributes() == type;
            }
            if (plain) {
                return this;
            }
            Map<String, Type> stripped = new TreeMap<>();
            attributeTypes.forEach((name, type) -> stripped.put(name, type.withoutOptionalAttributes()));
            return new ObjectType(stripped, Set.of());
        }

        @Override
        public String toString() {
            return friendlyName();
        }
    }

    private static void requireType(Type type) {
        if (type == null) {
            throw new IllegalArgumentException("a type is required, not null");
        }
    }
}
