package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * templatestring, and the rules it shares with templatefile: which variables a template may be
 * given and which functions it may not call.
 */
final class TemplateFunctions {
    /** The functions that render templates, which a template may not call. */
    static final Set<String> RENDERERS = Set.of("templatefile", "templatestring");

    private static final Pattern IDENTIFIER =
            Pattern.compile("[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}-]*");

    private TemplateFunctions() {}

    /** A template's variables: a map or object whose keys are identifiers (argument 1 is at fault otherwise). */
    static Map<String, Value> variables(Value vars) throws FunctionException {
        if (!(vars.type() instanceof Type.MapType || vars.type() instanceof Type.ObjectType)) {
            throw FunctionException.argument(1, "invalid vars value: must be a map");
        }
        for (String name : vars.asMap().keySet()) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw FunctionException.argument(
                        1,
                        "invalid template variable name " + GoText.quote(name)
                                + ": must start with a letter, followed by zero or more letters, digits, and underscores");
            }
        }
        return vars.asMap();
    }

    /**
     * templatestring(template, vars): renders a string held elsewhere as a template. The evaluator
     * checks first that {@code template} is written as a reference, as Terraform requires; this checks
     * that its value is exactly a string.
     */
    static Function templatestring(TemplateRenderer renderer, Supplier<Map<String, Function>> functions) {
        return Function.builder("templatestring")
                .param(Parameter.of("template", Type.DYNAMIC)
                        .allowingNull()
                        .allowingMarks()
                        .allowingDynamic())
                .param("vars", Type.DYNAMIC)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    Value template = args.get(0);
                    if (template.type() != Type.STRING || template.isNull()) {
                        throw FunctionException.argument(0, "invalid template value: a string is required");
                    }
                    Map<String, Value> vars = variables(args.get(1));
                    Value rendered = renderer.render(
                            template.unmark().asString(), "<templatestring argument>", vars, functions.get());
                    Value text;
                    try {
                        text = Arguments.convert(rendered, Type.STRING);
                    } catch (FunctionException e) {
                        throw new FunctionException("invalid template result: " + e.reason());
                    }
                    return text.withMarks(template.marks());
                })
                .build();
    }
}
