package io.netform.lang.function;

import io.netform.value.Type;

/**
 * One parameter of a {@link Function}: its name (used in error messages), the type arguments are
 * converted to, and which special values the implementation handles itself instead of the
 * framework.
 *
 * @param allowNull the implementation accepts null; otherwise a null argument is an error
 * @param allowUnknown the implementation sees unknown values; otherwise the result is unknown
 * @param allowMarked the implementation sees marks; otherwise they are moved onto the result
 * @param allowDynamic the implementation accepts values of dynamic type; otherwise the result is an
 *     unknown of dynamic type
 */
public record Parameter(
        String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowMarked, boolean allowDynamic) {

    public static Parameter of(String name, Type type) {
        return new Parameter(name, type, false, false, false, false);
    }

    public Parameter allowingNull() {
        return new Parameter(name, type, true, allowUnknown, allowMarked, allowDynamic);
    }

    public Parameter allowingUnknown() {
        return new Parameter(name, type, allowNull, true, allowMarked, allowDynamic);
    }

    public Parameter allowingMarks() {
        return new Parameter(name, type, allowNull, allowUnknown, true, allowDynamic);
    }

    public Parameter allowingDynamic() {
        return new Parameter(name, type, allowNull, allowUnknown, allowMarked, true);
    }

    /** Accepts null, unknown and dynamic values: for functions that inspect any value. */
    public Parameter allowingAnything() {
        return new Parameter(name, type, true, true, allowMarked, true);
    }
}
