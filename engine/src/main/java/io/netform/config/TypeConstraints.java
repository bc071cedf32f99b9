package io.netform.config;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.Expression;
import io.netform.hcl.ObjectItem;
import io.netform.hcl.ObjectKey;
import io.netform.hcl.TemplatePart;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.function.Functions;
import io.netform.value.Type;
import io.netform.value.Value;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads type constraint expressions such as {@code list(object({name = string, port = optional(number, 80)}))}. */
final class TypeConstraints {

    private static final String SUMMARY = "Invalid type specification";

    private final List<Diagnostic> diagnostics;

    private TypeConstraints(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The constraint {@code e} writes, or {@link TypeConstraint#ANY} after reporting why it cannot be read. */
    static TypeConstraint parse(Expression e, List<Diagnostic> diagnostics) {
        return new TypeConstraints(diagnostics).read(e);
    }

    private TypeConstraint read(Expression e) {
        if (e instanceof Expression.Identifier v) {
            switch (v.name()) {
                case "string":
                    return plain(Type.STRING);
                case "number":
                    return plain(Type.NUMBER);
                case "bool":
                    return plain(Type.BOOL);
                case "any":
                    return TypeConstraint.ANY;
                default:
                    return error(e, "The keyword \"" + v.name() + "\" is not a valid type specification.");
            }
        }
        if (e instanceof Expression.Template t
                && t.parts().size() == 1
                && t.parts().get(0) instanceof TemplatePart.Literal) {
            return error(
                    e,
                    "A type specification is not quoted: write the type keyword without quotes, such as "
                            + "string instead of \"string\".");
        }
        if (!(e instanceof Expression.FunctionCall call)) {
            return error(
                    e,
                    "A type specification is either a primitive type keyword (bool, number, string), "
                            + "a complex type constructor call (such as list(string)), or any.");
        }
        switch (call.name()) {
            case "list":
            case "set":
            case "map":
                return collection(call);
            case "object":
                return object(call);
            case "tuple":
                return tuple(call);
            case "optional":
                return error(e, "Keyword \"optional\" is valid only as a modifier for object type attributes.");
            default:
                return error(call, "Keyword \"" + call.name() + "\" is not a valid type constructor.");
        }
    }

    private TypeConstraint collection(Expression.FunctionCall call) {
        if (call.args().size() != 1) {
            return error(
                    call,
                    "The " + call.name() + " type constructor requires one argument specifying the " + "element type.");
        }
        TypeConstraint element = read(call.args().get(0));
        Type type = switch (call.name()) {
            case "list" -> Type.list(element.type());
            case "set" -> Type.set(element.type());
            default -> Type.map(element.type());
        };
        return new TypeConstraint(type, wrapElement(element.defaults()));
    }

    private TypeConstraint tuple(Expression.FunctionCall call) {
        if (call.args().size() != 1 || !(call.args().get(0) instanceof Expression.Tuple elements)) {
            return error(
                    call,
                    "The tuple type constructor requires one argument specifying the element types " + "as a list.");
        }
        return plain(
                Type.tuple(elements.elements().stream().map(x -> read(x).type()).toList()));
    }

    private TypeConstraint object(Expression.FunctionCall call) {
        if (call.args().size() != 1 || !(call.args().get(0) instanceof Expression.ObjectCons cons)) {
            return error(
                    call,
                    "The object type constructor requires one argument specifying the attribute types " + "as a map.");
        }
        Map<String, Type> attributes = new LinkedHashMap<>();
        Set<String> optional = new HashSet<>();
        Map<String, Value> defaults = new LinkedHashMap<>();
        Map<String, TypeConstraint.Defaults> children = new LinkedHashMap<>();
        for (ObjectItem item : cons.items()) {
            String name = attributeName(item);
            if (name == null) {
                continue;
            }
            Expression spec = item.value();
            if (spec instanceof Expression.FunctionCall opt && opt.name().equals("optional")) {
                if (opt.args().isEmpty() || opt.args().size() > 2) {
                    error(opt, "Optional attribute modifier requires the attribute type and an optional default.");
                    continue;
                }
                optional.add(name);
                spec = opt.args().get(0);
                if (opt.args().size() == 2) {
                    var evaluated = Evaluator.evaluate(opt.args().get(1), Scope.of(Map.of(), Functions.NONE));
                    diagnostics.addAll(evaluated.diagnostics());
                    defaults.put(name, evaluated.value());
                }
            }
            TypeConstraint attr = read(spec);
            attributes.put(name, attr.type());
            if (!attr.defaults().isEmpty()) {
                children.put(name, attr.defaults());
            }
        }
        return new TypeConstraint(Type.object(attributes, optional), new TypeConstraint.Defaults(defaults, children));
    }

    private String attributeName(ObjectItem item) {
        if (item.key() instanceof ObjectKey.Name n) {
            return n.name();
        }
        Expression key = ((ObjectKey.Computed) item.key()).expression();
        if (key instanceof Expression.Template t
                && t.parts().size() == 1
                && t.parts().get(0) instanceof TemplatePart.Literal l) {
            return l.text();
        }
        error(key, "Object constructor map keys must be attribute names.");
        return null;
    }

    private static TypeConstraint.Defaults wrapElement(TypeConstraint.Defaults element) {
        return element.isEmpty()
                ? TypeConstraint.Defaults.NONE
                : new TypeConstraint.Defaults(Map.of(), Map.of("", element));
    }

    private static TypeConstraint plain(Type type) {
        return new TypeConstraint(type, TypeConstraint.Defaults.NONE);
    }

    private TypeConstraint error(Expression at, String detail) {
        diagnostics.add(Diagnostic.error(SUMMARY, detail, at.range()));
        return TypeConstraint.ANY;
    }
}
