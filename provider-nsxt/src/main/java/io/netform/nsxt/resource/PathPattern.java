package io.netform.nsxt.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where objects of a type live, e.g. {@code /infra/domains/{domain}/groups/{id}}: placeholders
 * name attributes; one ending in {@code _path} stands for a whole policy path.
 */
public final class PathPattern {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String template;
    private final List<String> names = new ArrayList<>();
    private final Pattern matcher;

    private PathPattern(String template) {
        this.template = template;
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            String name = m.group(1);
            names.add(name);
            regex.append(name.endsWith("_path") ? "(/infra/.+?)" : "([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.matcher = Pattern.compile(regex.toString());
    }

    /** The pattern of a template. */
    public static PathPattern of(String template) {
        return new PathPattern(template);
    }

    /** The placeholder names, in order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The path with each placeholder replaced by its value. */
    public String render(Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder values of a path that fits the pattern. */
    public Optional<Map<String, String>> match(String path) {
        Matcher m = matcher.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }

    @Override
    public String toString() {
        return template;
    }
}
