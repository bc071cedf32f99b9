package io.netform.walk;

import io.netform.value.AttributePath;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code lifecycle { ignore_changes }}: the configuration with ignored attributes taken from the prior object. */
public final class IgnoreChanges {

    private IgnoreChanges() {}

    /** {@code ignore_changes = all}: every configured argument keeps its prior value. */
    public static Value keepAll(Value prior, Value config) {
        return prior.type().equals(config.type()) ? prior : config;
    }

    /** The configuration with the value at each of {@code paths} replaced by the prior one. */
    public static Value keep(Value prior, Value config, List<AttributePath> paths) {
        Value result = config;
        for (AttributePath path : paths) {
            result = replace(result, prior, path.steps(), 0);
        }
        return result;
    }

    private static Value replace(Value config, Value prior, List<AttributePath.Step> steps, int i) {
        if (i == steps.size()) {
            return prior;
        }
        if (!config.isKnown() || config.isNull() || !prior.isKnown() || prior.isNull()) {
            return config;
        }
        AttributePath.Step step = steps.get(i);
        Type t = config.type();
        if (step instanceof AttributePath.AttributeName a
                && t instanceof Type.ObjectType o
                && o.hasAttribute(a.name())) {
            Map<String, Value> attrs = new LinkedHashMap<>(config.asMap());
            attrs.put(a.name(), replace(config.getAttr(a.name()), prior.getAttr(a.name()), steps, i + 1));
            return Value.object(attrs).withMarks(config.marks());
        }
        if (step instanceof AttributePath.StringKey k && t instanceof Type.MapType m) {
            Map<String, Value> entries = new LinkedHashMap<>(config.asMap());
            Map<String, Value> priorEntries = prior.asMap();
            if (priorEntries.containsKey(k.key())) {
                Value before = priorEntries.get(k.key());
                entries.put(
                        k.key(),
                        entries.containsKey(k.key()) ? replace(entries.get(k.key()), before, steps, i + 1) : before);
            } else {
                entries.remove(k.key());
            }
            return Value.map(m.elementType(), entries).withMarks(config.marks());
        }
        if (step instanceof AttributePath.IntKey n
                && t instanceof Type.ListType l
                && n.index() < config.length()
                && n.index() < prior.length()) {
            List<Value> elements = new java.util.ArrayList<>(config.elements());
            int at = (int) n.index();
            elements.set(at, replace(elements.get(at), prior.index(n.index()), steps, i + 1));
            return Value.list(l.elementType(), elements).withMarks(config.marks());
        }
        return config;
    }
}
