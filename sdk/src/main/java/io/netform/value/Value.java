package io.netform.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable cty value: known, null or unknown (optionally refined), of a {@link Type}, carrying
 * {@link Mark marks} that every operation propagates.
 *
 * <p>One class rather than a record hierarchy: the factories enforce cty's invariants (NFC strings,
 * canonical numbers, sets without duplicates in a fixed order, element types), and equality is
 * cty's raw equality, which a record's generated {@code equals} would not give.
 *
 * <p>A known value always has a concrete type; only null and unknown values may be of a type that
 * is, or contains, {@link Type#DYNAMIC}. Marks on set elements are moved onto the set itself, since
 * no path can address a set element.
 */
public final class Value {
    private static final SortedSet<Mark> NO_MARKS = Collections.unmodifiableSortedSet(new TreeSet<>());
    private static final SortedSet<Mark> ONLY_SENSITIVE =
            Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(Mark.SENSITIVE)));
    /** Unicode's first combining mark: no character below it takes part in normalization. */
    private static final char FIRST_COMBINING_MARK = '\u0300';

    public static final Value TRUE = new Value(Type.BOOL, Kind.KNOWN, Boolean.TRUE, NO_MARKS);
    public static final Value FALSE = new Value(Type.BOOL, Kind.KNOWN, Boolean.FALSE, NO_MARKS);

    private enum Kind {
        KNOWN,
        NULL,
        UNKNOWN
    }

    private final Type type;
    private final Kind kind;
    /** String, BigFloat, Boolean, List of Value, sorted Map of Value, or Refinement if unknown. */
    private final Object payload;

    private final Set<Mark> marks;
    private int hash;

    private Value(Type type, Kind kind, Object payload, Set<Mark> marks) {
        this.type = type;
        this.kind = kind;
        this.payload = payload;
        this.marks = marks;
    }

    /** The result of {@link #unmarkDeepWithPaths()}: the value without marks, and where they were. */
    public record Unmarked(Value value, List<MarkedPath> paths) {
        public Unmarked {
            paths = List.copyOf(paths);
        }
    }

    // ---- factories -------------------------------------------------------------------------------

    public static Value string(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a string value cannot be Java null; use Value.nullOf");
        }
        return new Value(Type.STRING, Kind.KNOWN, nfc(value), NO_MARKS);
    }

    /** A string the caller knows to be in NFC already (the decoders, for ASCII text). */
    static Value normalizedString(String value) {
        return new Value(Type.STRING, Kind.KNOWN, value, NO_MARKS);
    }

    /**
     * A known list, map or object that a decoder built against {@code type}, which has nothing
     * dynamic in it: every element's type is exactly the declared one, and the payload (an immutable
     * list, or an immutable map sorted by key) is the new value's alone, so the public factories'
     * checks and copies would change nothing.
     */
    static Value decoded(Type type, Object payload) {
        return new Value(type, Kind.KNOWN, payload, NO_MARKS);
    }

    /** A whole number with 64 bits of precision, as cty's {@code NumberIntVal}. */
    public static Value number(long value) {
        return number(BigFloat.of(value));
    }

    /** A whole number, exactly, as Go's {@code big.Float.SetInt}. */
    public static Value number(BigInteger value) {
        return number(BigFloat.of(value));
    }

    /** A decimal rounded to 512 bits, as cty's {@code ParseNumberVal} reads its text. */
    public static Value number(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("a number value cannot be Java null; use Value.nullOf");
        }
        return number(BigFloat.of(value));
    }

    /** A float64's value with 53 bits of precision, as cty's {@code NumberFloatVal}; not NaN. */
    public static Value number(double value) {
        return number(BigFloat.of(value));
    }

    public static Value number(BigFloat value) {
        if (value == null) {
            throw new IllegalArgumentException("a number value cannot be Java null; use Value.nullOf");
        }
        return new Value(Type.NUMBER, Kind.KNOWN, value, NO_MARKS);
    }

    public static Value bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A null of the given type (object types lose their optional-attribute markers). */
    public static Value nullOf(Type type) {
        return new Value(type.withoutOptionalAttributes(), Kind.NULL, null, NO_MARKS);
    }

    public static Value unknown(Type type) {
        return unknown(type, Refinement.NONE);
    }

    /**
     * An unknown value of which {@code refinement} is known. A {@link Type#DYNAMIC} unknown is never
     * refined, so its refinement is dropped.
     *
     * @throws IllegalArgumentException if the refinement says something the type cannot have
     */
    public static Value unknown(Type type, Refinement refinement) {
        Type plain = type.withoutOptionalAttributes();
        Refinement fitting = refinement.restrictedTo(plain);
        if (plain != Type.DYNAMIC && !fitting.equals(refinement)) {
            throw new IllegalArgumentException(
                    "refinement (" + refinement + ") does not apply to an unknown " + plain.friendlyName());
        }
        return new Value(plain, Kind.UNKNOWN, fitting, NO_MARKS);
    }

    /** A list; every element must conform to {@code elementType} and all share one type. */
    public static Value list(Type elementType, List<Value> elements) {
        Type element = commonElementType("list", elementType, elements);
        return new Value(Type.list(element), Kind.KNOWN, List.copyOf(elements), NO_MARKS);
    }

    /** A non-empty list whose element type is that of its elements. */
    public static Value list(List<Value> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("an empty list needs its element type: use list(type, [])");
        }
        return list(elements.get(0).type(), elements);
    }

    /**
     * A set: duplicates among wholly known elements are dropped (elements that are not wholly known
     * are all kept, as they may yet differ), elements are held in {@link ValueOrder}, and element
     * marks move onto the set.
     */
    public static Value set(Type elementType, Collection<Value> elements) {
        Type element = commonElementType("set", elementType, elements);
        SortedSet<Mark> hoisted = new TreeSet<>();
        List<Value> unmarked = new ArrayList<>(elements.size());
        for (Value e : elements) {
            Unmarked u = e.unmarkDeepWithPaths();
            u.paths().forEach(p -> hoisted.addAll(p.marks()));
            unmarked.add(u.value());
        }
        unmarked.sort(ValueOrder.INSTANCE);
        List<Value> distinct = new ArrayList<>(unmarked.size());
        for (Value e : unmarked) {
            Value last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last == null || !e.isWhollyKnown() || !e.equals(last)) {
                distinct.add(e);
            }
        }
        return new Value(Type.set(element), Kind.KNOWN, List.copyOf(distinct), markSet(hoisted));
    }

    /** A map; every element must conform to {@code elementType} and all share one type. */
    public static Value map(Type elementType, Map<String, Value> elements) {
        Type element = commonElementType("map", elementType, elements.values());
        return new Value(Type.map(element), Kind.KNOWN, sortedCopy(elements), NO_MARKS);
    }

    public static Value tuple(List<Value> elements) {
        List<Value> copy = List.copyOf(elements);
        return new Value(Type.tuple(copy.stream().map(Value::type).toList()), Kind.KNOWN, copy, NO_MARKS);
    }

    public static Value tuple(Value... elements) {
        return tuple(Arrays.asList(elements));
    }

    public static Value object(Map<String, Value> attributes) {
        Map<String, Value> copy = sortedCopy(attributes);
        Map<String, Type> types = new LinkedHashMap<>();
        copy.forEach((name, v) -> types.put(name, v.type()));
        return new Value(Type.object(types), Kind.KNOWN, copy, NO_MARKS);
    }

    private static Type commonElementType(String kind, Type declared, Collection<Value> elements) {
        Type wanted = declared.withoutOptionalAttributes();
        Type found = null;
        int i = 0;
        for (Value e : elements) {
            if (e == null) {
                throw new IllegalArgumentException(kind + " element " + i + " is Java null; use Value.nullOf");
            }
            if (!e.type.conformsTo(wanted)) {
                throw new IllegalArgumentException(kind + " element " + i + " is " + e.type.friendlyName()
                        + ", but the " + kind + " holds " + wanted.friendlyName());
            }
            if (found != null && !found.equals(e.type)) {
                throw new IllegalArgumentException(kind + " elements must all have one type, but element " + i + " is "
                        + e.type.friendlyName() + " and an earlier one is " + found.friendlyName());
            }
            found = e.type;
            i++;
        }
        return found == null ? wanted : found;
    }

    private static Map<String, Value> sortedCopy(Map<String, Value> entries) {
        TreeMap<String, Value> copy = new TreeMap<>();
        entries.forEach((key, v) -> {
            if (key == null || v == null) {
                throw new IllegalArgumentException("map keys and values cannot be Java null; use Value.nullOf");
            }
            copy.put(key, v);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    // ---- what the value is -----------------------------------------------------------------------

    /** The value's type; concrete unless the value is null or unknown. */
    public Type type() {
        return type;
    }

    /** False only for an unknown value itself (a known collection may still hold unknowns). */
    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** True if neither this value nor any value inside it is unknown. */
    public boolean isWhollyKnown() {
        if (kind == Kind.UNKNOWN) {
            return false;
        }
        if (payload instanceof List<?> elements) {
            return elements.stream().allMatch(e -> ((Value) e).isWhollyKnown());
        }
        if (payload instanceof Map<?, ?> entries) {
            return entries.values().stream().allMatch(e -> ((Value) e).isWhollyKnown());
        }
        return true;
    }

    /** What is known about an unknown value; {@link Refinement#NONE} for known and null values. */
    public Refinement refinement() {
        return kind == Kind.UNKNOWN ? (Refinement) payload : Refinement.NONE;
    }

    // ---- accessors (they read through marks; use the marked getters to keep them) -----------------

    public String asString() {
        return (String) known(Type.STRING);
    }

    public BigFloat asBigFloat() {
        return (BigFloat) known(Type.NUMBER);
    }

    /**
     * The number as its text shows it (so a float64 result reads as its shortest decimal, not as
     * its exact binary value); fails for infinity.
     */
    public BigDecimal asBigDecimal() {
        BigFloat n = asBigFloat();
        if (n.isInfinite()) {
            throw new IllegalStateException(n.text() + " is not a finite number");
        }
        return n.toBigDecimal();
    }

    /** The number as a long; fails if it is not a whole number within the range of a long. */
    public long asLong() {
        BigFloat n = asBigFloat();
        if (!n.isLong()) {
            throw new IllegalStateException(n.text() + " is not a whole number in the range of a 64-bit integer");
        }
        return n.longValue();
    }

    public int asInt() {
        long n = asLong();
        if (n != (int) n) {
            throw new IllegalStateException(n + " is beyond the range of a 32-bit integer");
        }
        return (int) n;
    }

    public boolean asBoolean() {
        return (Boolean) known(Type.BOOL);
    }

    /** The elements of a list, set (in set order) or tuple. */
    @SuppressWarnings("unchecked")
    public List<Value> elements() {
        if (!(type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType)) {
            throw new IllegalStateException(type.friendlyName() + " has no elements to list");
        }
        requireKnownNotNull();
        return (List<Value>) payload;
    }

    /** The entries of a map or the attributes of an object, ordered by key. */
    @SuppressWarnings("unchecked")
    public Map<String, Value> asMap() {
        if (!(type instanceof Type.MapType || type instanceof Type.ObjectType)) {
            throw new IllegalStateException(type.friendlyName() + " has no keys");
        }
        requireKnownNotNull();
        return (Map<String, Value>) payload;
    }

    /** The number of elements, entries or attributes of a known, non-null collection or structure. */
    public int length() {
        return payload instanceof Map<?, ?> ? asMap().size() : elements().size();
    }

    public boolean hasAttribute(String name) {
        return type instanceof Type.ObjectType o && o.hasAttribute(name);
    }

    /**
     * An attribute of an object, carrying the object's marks. An unknown object gives an unknown of
     * the attribute's type.
     */
    public Value getAttr(String name) {
        if (!(type instanceof Type.ObjectType o) || !o.hasAttribute(name)) {
            throw new IllegalArgumentException(type.friendlyName() + " has no attribute " + quote(name));
        }
        if (kind == Kind.UNKNOWN) {
            return unknown(o.attributeType(name)).withMarks(marks);
        }
        if (kind == Kind.NULL) {
            throw readOfNull("attribute " + quote(name));
        }
        return asMap().get(name).withMarks(marks);
    }

    /** An element of a list or tuple by position, carrying the collection's marks. */
    public Value index(long position) {
        if (!(type instanceof Type.ListType || type instanceof Type.TupleType)) {
            throw new IllegalArgumentException(type.friendlyName() + " cannot be indexed by number");
        }
        if (kind == Kind.UNKNOWN) {
            Type element = type instanceof Type.TupleType t
                    ? t.elementTypes()
                            .get(checkedIndex(position, t.elementTypes().size()))
                    : type.elementType();
            return unknown(element).withMarks(marks);
        }
        if (kind == Kind.NULL) {
            throw readOfNull("element " + position);
        }
        List<Value> elements = elements();
        return elements.get(checkedIndex(position, elements.size())).withMarks(marks);
    }

    /** An element of a map by key, carrying the map's marks. */
    public Value index(String key) {
        if (!(type instanceof Type.MapType)) {
            throw new IllegalArgumentException(type.friendlyName() + " cannot be indexed by string");
        }
        if (kind == Kind.UNKNOWN) {
            return unknown(type.elementType()).withMarks(marks);
        }
        if (kind == Kind.NULL) {
            throw readOfNull("element " + quote(key));
        }
        Value element = asMap().get(key);
        if (element == null) {
            throw new IllegalArgumentException("the map has no element " + quote(key));
        }
        return element.withMarks(marks);
    }

    Value step(AttributePath.Step step) {
        if (step instanceof AttributePath.AttributeName a) {
            return getAttr(a.name());
        }
        if (step instanceof AttributePath.StringKey k) {
            return index(k.key());
        }
        return index(((AttributePath.IntKey) step).index());
    }

    private static int checkedIndex(long position, int size) {
        if (position < 0 || position >= size) {
            throw new IllegalArgumentException(
                    "element " + position + " does not exist in a collection of " + size + " elements");
        }
        return (int) position;
    }

    private Object known(Type expected) {
        if (type != expected) {
            throw new IllegalStateException("the value is " + type.friendlyName() + ", not " + expected);
        }
        requireKnownNotNull();
        return payload;
    }

    private void requireKnownNotNull() {
        if (kind == Kind.UNKNOWN) {
            throw new IllegalStateException("the " + type.friendlyName() + " value is not known yet");
        }
        if (kind == Kind.NULL) {
            throw readOfNull("its content");
        }
    }

    /** The error for reading {@code what} of a null value; callers check first, so no text is built otherwise. */
    private IllegalStateException readOfNull(String what) {
        return new IllegalStateException("cannot read " + what + " of a null " + type.friendlyName());
    }

    // ---- marks -----------------------------------------------------------------------------------

    /** The marks on this value itself (not those of values inside it). */
    public Set<Mark> marks() {
        return marks;
    }

    public boolean isMarked() {
        return !marks.isEmpty();
    }

    public boolean hasMark(Mark mark) {
        return marks.contains(mark);
    }

    public boolean isSensitive() {
        return marks.contains(Mark.SENSITIVE);
    }

    /** This value with the given marks added. */
    public Value mark(Mark... added) {
        return withMarks(Arrays.asList(added));
    }

    /** This value with the given marks added. */
    public Value withMarks(Collection<Mark> added) {
        if (added.isEmpty() || marks.containsAll(added)) {
            return this;
        }
        SortedSet<Mark> union = new TreeSet<>(marks);
        union.addAll(added);
        return new Value(type, kind, payload, markSet(union));
    }

    /** This value without its own marks; values inside it keep theirs. */
    public Value unmark() {
        return marks.isEmpty() ? this : new Value(type, kind, payload, NO_MARKS);
    }

    /** True if this value or any value inside it is marked. */
    public boolean containsMarks() {
        return !unmarkDeepWithPaths().paths().isEmpty();
    }

    public Value unmarkDeep() {
        return unmarkDeepWithPaths().value();
    }

    /** This value without any marks, and the paths where they were (for sensitive_attributes). */
    public Unmarked unmarkDeepWithPaths() {
        return DeepMarks.unmark(this);
    }

    /** This value with marks added at the given paths; paths that do not exist are ignored. */
    public Value markWithPaths(Collection<MarkedPath> paths) {
        return DeepMarks.mark(this, paths);
    }

    /** This value with {@code mark} added at each of the given paths. */
    public Value markWithPaths(Collection<AttributePath> paths, Mark mark) {
        return markWithPaths(
                paths.stream().map(p -> new MarkedPath(p, Set.of(mark))).toList());
    }

    /**
     * This object with some attributes replaced. Where every replacement has the type of the value it
     * replaces, the object keeps its type, which spares working the type out anew as
     * {@link #object(Map)} does; this value's own marks stay.
     *
     * @throws IllegalArgumentException if this object has no attribute of a replacement's name
     */
    public Value withAttributes(Map<String, Value> replacements) {
        if (!(type instanceof Type.ObjectType)) {
            throw new IllegalStateException(type.friendlyName() + " has no attributes");
        }
        requireKnownNotNull();
        TreeMap<String, Value> attributes = new TreeMap<>(asMap());
        boolean sameType = true;
        for (Map.Entry<String, Value> replacement : replacements.entrySet()) {
            Value value = Objects.requireNonNull(replacement.getValue(), "use Value.nullOf, not Java null");
            Value replaced = attributes.put(replacement.getKey(), value);
            if (replaced == null) {
                throw new IllegalArgumentException(
                        type.friendlyName() + " has no attribute " + quote(replacement.getKey()));
            }
            sameType &= value.type.equals(replaced.type);
        }
        return sameType
                ? new Value(type, kind, Collections.unmodifiableSortedMap(attributes), marks)
                : object(attributes).withMarks(marks);
    }

    Value withElements(List<Value> elements) {
        return new Value(type, kind, List.copyOf(elements), marks);
    }

    Value withEntries(Map<String, Value> entries) {
        return new Value(type, kind, sortedCopy(entries), marks);
    }

    // ---- equality --------------------------------------------------------------------------------

    /**
     * cty's equality as a value: unknown if it cannot be decided yet, and marked with every mark of
     * both sides. Numbers compare numerically; values of different types are not equal.
     */
    public Value valueEquals(Value other) {
        Unmarked left = unmarkDeepWithPaths();
        Unmarked right = other.unmarkDeepWithPaths();
        Set<Mark> all = new TreeSet<>();
        left.paths().forEach(p -> all.addAll(p.marks()));
        right.paths().forEach(p -> all.addAll(p.marks()));
        return ValueEquality.compare(left.value(), right.value()).withMarks(all);
    }

    /** Raw equality: same type, same kind, same content, same refinement and same marks. */
    public boolean rawEquals(Value other) {
        return equals(other);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Value v) || kind != v.kind || hashCode() != v.hashCode()) {
            return false;
        }
        return type.equals(v.type) && marks.equals(v.marks) && Objects.equals(payload, v.payload);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(type, kind, payload, marks);
            hash = h;
        }
        return h;
    }

    /** A readable rendering for messages; sensitive values are shown as {@code (sensitive value)}. */
    @Override
    public String toString() {
        return ValueText.render(this);
    }

    // ---- shared canonical forms ------------------------------------------------------------------

    Object payload() {
        return payload;
    }

    static BigDecimal canonical(BigDecimal n) {
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    /**
     * Text in NFC. Characters below U+0300 neither decompose nor combine with their neighbours, so
     * text made only of them (names, IDs, paths: nearly every string) is in NFC as it is, which is
     * much cheaper to see than asking the normalizer.
     */
    static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= FIRST_COMBINING_MARK) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC)
                        ? s
                        : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    static Set<Mark> markSet(Collection<Mark> marks) {
        if (marks.isEmpty()) {
            return NO_MARKS;
        }
        // Nearly every marked value is marked sensitive and nothing else: they share one set.
        if (marks.size() == 1 && marks.contains(Mark.SENSITIVE)) {
            return ONLY_SENSITIVE;
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(marks));
    }

    /** A string in double quotes with JSON escapes, for messages and paths. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
