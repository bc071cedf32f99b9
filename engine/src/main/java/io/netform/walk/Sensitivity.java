package io.netform.walk;

import io.netform.value.AttributePath;
import io.netform.value.Mark;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.ArrayList;
import java.util.List;

/** Marks the attributes a provider's schema declares sensitive, so they are never shown or logged. */
public final class Sensitivity {

    private Sensitivity() {}

    /**
     * {@code value} (a provider's answer) with the marks {@code source} (what was sent) had, on the same
     * paths, and every schema-sensitive attribute marked: what the provider got sensitive stays so.
     */
    public static Value marked(Value source, Value value, SchemaBlock schema) {
        return markSchema(remark(source, value), schema);
    }

    /** {@code value} with the marks {@code source} had, put on the same paths. */
    public static Value remark(Value source, Value value) {
        var paths = source.unmarkDeepWithPaths().paths();
        return paths.isEmpty() ? value : value.markWithPaths(paths);
    }

    /** {@code value} with every schema-sensitive attribute marked, at any depth of nested blocks. */
    public static Value markSchema(Value value, SchemaBlock schema) {
        if (!value.isKnown() || value.isNull()) {
            return value;
        }
        List<AttributePath> paths = new ArrayList<>();
        collect(value, schema, AttributePath.root(), paths);
        return paths.isEmpty() ? value : value.markWithPaths(paths, Mark.SENSITIVE);
    }

    private static void collect(Value v, SchemaBlock schema, AttributePath at, List<AttributePath> paths) {
        for (SchemaAttribute a : schema.attributes().values()) {
            if (a.isSensitive()) {
                paths.add(at.attr(a.name()));
            }
        }
        for (NestedBlock b : schema.blockTypes().values()) {
            Value nested = v.getAttr(b.typeName());
            if (!nested.isKnown() || nested.isNull()) {
                continue;
            }
            AttributePath p = at.attr(b.typeName());
            switch (b.nesting()) {
                case SINGLE, GROUP -> collect(nested, b.block(), p, paths);
                case LIST -> {
                    for (int i = 0; i < nested.length(); i++) {
                        collect(nested.index(i), b.block(), p.index(i), paths);
                    }
                }
                case MAP -> nested.asMap().forEach((k, e) -> collect(e, b.block(), p.key(k), paths));
                case SET -> {
                    // A set element has no path: the whole set is sensitive if its blocks hold a sensitive attribute.
                    if (b.block().attributes().values().stream().anyMatch(SchemaAttribute::isSensitive)) {
                        paths.add(p);
                    }
                }
            }
        }
    }
}
