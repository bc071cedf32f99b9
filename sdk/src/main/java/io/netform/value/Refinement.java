package io.netform.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is already known about an unknown value: that it will not be null, the prefix of a string,
 * bounds of a number, bounds of a collection's length. {@link #NONE} says nothing.
 *
 * @param notNull the value will definitely not be null
 * @param stringPrefix a prefix the string will start with; empty when nothing is known
 * @param lowerBound the lowest the number can be
 * @param upperBound the highest the number can be
 * @param minLength the least number of elements of the collection (0 when nothing is known)
 * @param maxLength the most elements of the collection ({@link Long#MAX_VALUE} when unbounded)
 */
public record Refinement(
        boolean notNull,
        String stringPrefix,
        Optional<NumberBound> lowerBound,
        Optional<NumberBound> upperBound,
        long minLength,
        long maxLength) {

    public static final Refinement NONE =
            new Refinement(false, "", Optional.empty(), Optional.empty(), 0, Long.MAX_VALUE);

    public Refinement {
        if (stringPrefix == null || lowerBound == null || upperBound == null) {
            throw new IllegalArgumentException("refinement fields may be empty but not null");
        }
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "collection length bounds " + minLength + ".." + maxLength + " are not a valid range");
        }
    }

    /** One end of a number's range. */
    public record NumberBound(BigDecimal value, boolean inclusive) {
        public NumberBound {
            value = Value.canonical(value);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public Refinement withNotNull() {
        return new Refinement(true, stringPrefix, lowerBound, upperBound, minLength, maxLength);
    }

    public Refinement withStringPrefix(String prefix) {
        return new Refinement(notNull, Value.nfc(prefix), lowerBound, upperBound, minLength, maxLength);
    }

    public Refinement withLowerBound(BigDecimal value, boolean inclusive) {
        return new Refinement(
                notNull,
                stringPrefix,
                Optional.of(new NumberBound(value, inclusive)),
                upperBound,
                minLength,
                maxLength);
    }

    public Refinement withUpperBound(BigDecimal value, boolean inclusive) {
        return new Refinement(
                notNull,
                stringPrefix,
                lowerBound,
                Optional.of(new NumberBound(value, inclusive)),
                minLength,
                maxLength);
    }

    public Refinement withLengthBounds(long min, long max) {
        return new Refinement(notNull, stringPrefix, lowerBound, upperBound, min, max);
    }

    /** This refinement without the parts that cannot apply to an unknown value of {@code type}. */
    Refinement restrictedTo(Type type) {
        if (type == Type.DYNAMIC) {
            return NONE;
        }
        return new Refinement(
                notNull,
                type == Type.STRING ? stringPrefix : "",
                type == Type.NUMBER ? lowerBound : Optional.empty(),
                type == Type.NUMBER ? upperBound : Optional.empty(),
                type.isCollection() ? minLength : 0,
                type.isCollection() ? maxLength : Long.MAX_VALUE);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (notNull) {
            parts.add("not null");
        }
        if (!stringPrefix.isEmpty()) {
            parts.add("prefix " + Value.quote(stringPrefix));
        }
        lowerBound.ifPresent(
                b -> parts.add((b.inclusive() ? ">= " : "> ") + b.value().toPlainString()));
        upperBound.ifPresent(
                b -> parts.add((b.inclusive() ? "<= " : "< ") + b.value().toPlainString()));
        if (minLength > 0) {
            parts.add("length >= " + minLength);
        }
        if (maxLength < Long.MAX_VALUE) {
            parts.add("length <= " + maxLength);
        }
        return String.join(", ", parts);
    }
}
