package io.netform.lang.function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the function corpus: {@code name(arg, ...) => expected}, where the arguments are
 * JSON (see {@link CorpusValues}) and the expectation is a typed value or
 * {@code error(INDEX): detail} ({@code error(-)} when no argument is at fault).
 */
record CorpusCase(
        String source,
        int line,
        String function,
        List<Value> args,
        Value expected,
        OptionalInt errorIndex,
        String errorDetail) {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern LINE = Pattern.compile("([a-z0-9_]+)\\((.*)\\) => (.*)");
    private static final Pattern ERROR = Pattern.compile("error\\((-|\\d+)\\): (.*)");

    static CorpusCase parse(String source, int line, String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(source + ":" + line + ": not a corpus line: " + text);
        }
        try {
            List<Value> args = new ArrayList<>();
            for (JsonNode arg : JSON.readTree("[" + m.group(2) + "]")) {
                args.add(CorpusValues.argument(arg));
            }
            Matcher error = ERROR.matcher(m.group(3));
            if (error.matches()) {
                OptionalInt index = error.group(1).equals("-")
                        ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(error.group(1)));
                return new CorpusCase(source, line, m.group(1), args, null, index, error.group(2));
            }
            Value expected = CorpusValues.expected(JSON.readTree(m.group(3)));
            return new CorpusCase(source, line, m.group(1), args, expected, OptionalInt.empty(), null);
        } catch (Exception e) {
            throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + " " + function + "(...)";
    }
}
