package io.netform.walk;

import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the plugin protocol that the engine checks on what a provider returns: a plan keeps
 * the configured values, a final plan keeps every value the first plan knew, and an applied object
 * keeps every planned value and leaves nothing unknown.
 */
public final class PlanContract {

    private PlanContract() {}

    /** Where {@code planned} does not keep a configured value of a non-computed attribute. */
    public static List<String> configKept(SchemaBlock schema, Value config, Value planned) {
        List<String> problems = new ArrayList<>();
        configKept(schema, config, planned, AttributePath.root(), problems);
        return problems;
    }

    private static void configKept(
            SchemaBlock schema, Value config, Value planned, AttributePath path, List<String> problems) {
        if (!config.isKnown() || config.isNull() || !planned.isKnown() || planned.isNull()) {
            return;
        }
        for (SchemaAttribute a : schema.attributes().values()) {
            Value c = config.getAttr(a.name()).unmarkDeep();
            Value p = planned.getAttr(a.name()).unmarkDeep();
            if (a.isComputed() && c.isNull()) {
                continue;
            }
            if (c.isWhollyKnown() && !c.equals(p)) {
                problems.add(path.attr(a.name()) + ": planned value " + p + " does not match config value " + c);
            }
        }
        for (NestedBlock b : schema.blockTypes().values()) {
            Value c = config.getAttr(b.typeName());
            Value p = planned.getAttr(b.typeName());
            if (b.nesting() == Nesting.SINGLE || b.nesting() == Nesting.GROUP) {
                configKept(b.block(), c, p, path.attr(b.typeName()), problems);
            } else if (b.nesting() == Nesting.LIST && c.isKnown() && p.isKnown() && !c.isNull() && !p.isNull()) {
                if (c.length() != p.length()) {
                    problems.add(
                            path.attr(b.typeName()) + ": block count changed from " + c.length() + " to " + p.length());
                    continue;
                }
                for (int i = 0; i < c.length(); i++) {
                    configKept(
                            b.block(),
                            c.index(i),
                            p.index(i),
                            path.attr(b.typeName()).index(i),
                            problems);
                }
            }
        }
    }

    /**
     * Where {@code actual} differs from a value {@code expected} already knew; with {@code complete},
     * also where {@code actual} is still unknown.
     */
    public static List<String> knownValuesKept(Value expected, Value actual, boolean complete) {
        List<String> problems = new ArrayList<>();
        compare(expected.unmarkDeep(), actual.unmarkDeep(), AttributePath.root(), complete, problems);
        return problems;
    }

    private static void compare(
            Value expected, Value actual, AttributePath path, boolean complete, List<String> problems) {
        if (!expected.isKnown()) {
            if (complete && !actual.isWhollyKnown()) {
                problems.add(where(path) + ": still unknown after apply");
            }
            return;
        }
        if (expected.isNull() || !actual.isKnown() || actual.isNull()) {
            if (!expected.equals(actual)) {
                problems.add(where(path) + ": was " + expected + ", but now " + actual);
            }
            return;
        }
        Type t = expected.type();
        if (t instanceof Type.ObjectType o) {
            for (String name : o.attributeTypes().keySet()) {
                if (actual.type() instanceof Type.ObjectType ao && ao.hasAttribute(name)) {
                    compare(expected.getAttr(name), actual.getAttr(name), path.attr(name), complete, problems);
                }
            }
        } else if (t instanceof Type.MapType) {
            if (!expected.asMap().keySet().equals(actual.asMap().keySet())) {
                problems.add(where(path) + ": was " + expected + ", but now " + actual);
                return;
            }
            for (String key : expected.asMap().keySet()) {
                compare(expected.index(key), actual.index(key), path.key(key), complete, problems);
            }
        } else if (t instanceof Type.ListType || t instanceof Type.TupleType) {
            if (expected.length() != actual.length()) {
                problems.add(where(path) + ": was " + expected + ", but now " + actual);
                return;
            }
            for (int i = 0; i < expected.length(); i++) {
                compare(expected.index(i), actual.index(i), path.index(i), complete, problems);
            }
        } else if (expected.isWhollyKnown() && !expected.equals(actual)) {
            problems.add(where(path) + ": was " + expected + ", but now " + actual);
        } else if (complete && !actual.isWhollyKnown()) {
            problems.add(where(path) + ": still unknown after apply");
        }
    }

    /** Spelled out only for a problem: most objects have none, and a path's text costs a string per step. */
    private static String where(AttributePath path) {
        return path.isRoot() ? "the object" : path.toString();
    }
}
