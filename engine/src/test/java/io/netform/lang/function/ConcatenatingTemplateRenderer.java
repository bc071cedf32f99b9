package io.netform.lang.function;

import io.netform.value.Conversion;
import io.netform.value.ConversionException;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the HCL template engine in tests: replaces {@code ${name}} with the variable's
 * string value, and a template that is only {@code ${name}} yields the value itself.
 */
final class ConcatenatingTemplateRenderer implements TemplateRenderer {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @Override
    public Value render(String text, String fileName, Map<String, Value> variables, Map<String, Function> functions)
            throws FunctionException {
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Value v = variables.get(m.group(1));
            if (v == null) {
                throw FunctionException.argument(
                        1,
                        "vars map does not contain key \"" + m.group(1) + "\", referenced at " + fileName + ":1,"
                                + (m.start() + 3) + "-" + m.end());
            }
            if (m.start() == 0 && m.end() == text.length()) {
                return v;
            }
            try {
                m.appendReplacement(
                        out,
                        Matcher.quoteReplacement(
                                Conversion.convert(v, Type.STRING).asString()));
            } catch (ConversionException e) {
                throw new FunctionException(
                        fileName + ": cannot include the given value in a string template: " + e.getMessage());
            }
        }
        m.appendTail(out);
        return Value.string(out.toString());
    }
}
