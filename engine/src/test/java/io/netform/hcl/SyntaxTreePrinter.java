package io.netform.hcl;

import java.util.List;

/**
 * Prints a syntax tree in a compact, range-free text form (S-expressions for expressions), used by
 * golden tests and to compare trees for equivalence.
 */
final class SyntaxTreePrinter {
    private final StringBuilder out = new StringBuilder();

    private SyntaxTreePrinter() {}

    /** The text form of a body: one line per attribute, blocks with their nested bodies indented. */
    public static String print(Body body) {
        SyntaxTreePrinter printer = new SyntaxTreePrinter();
        printer.body(body, 0);
        return printer.out.toString();
    }

    /** The S-expression form of one expression. */
    public static String print(Expression expression) {
        SyntaxTreePrinter printer = new SyntaxTreePrinter();
        printer.expr(expression);
        return printer.out.toString();
    }

    private void body(Body body, int depth) {
        for (BodyItem item : body.items()) {
            out.append("  ".repeat(depth));
            if (item instanceof Attribute attribute) {
                out.append(attribute.name()).append(" = ");
                expr(attribute.expression());
                out.append('\n');
            } else if (item instanceof Block block) {
                out.append(block.type());
                for (BlockLabel label : block.labels()) {
                    out.append(' ').append(label.quoted() ? quote(label.value()) : label.value());
                }
                out.append(" {\n");
                body(block.body(), depth + 1);
                out.append("  ".repeat(depth)).append("}\n");
            }
        }
    }

    private void expr(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            out.append(n.value().toString());
        } else if (e instanceof Expression.BoolLiteral b) {
            out.append(b.value());
        } else if (e instanceof Expression.NullLiteral) {
            out.append("null");
        } else if (e instanceof Expression.Template t) {
            out.append("(template");
            parts(t.parts());
            out.append(')');
        } else if (e instanceof Expression.TemplateWrap w) {
            list("wrap", w.inner());
        } else if (e instanceof Expression.Identifier v) {
            out.append(v.name());
        } else if (e instanceof Expression.SplatItem) {
            out.append('@');
        } else if (e instanceof Expression.Invalid) {
            out.append("<invalid>");
        } else {
            compound(e);
        }
    }

    private void compound(Expression e) {
        if (e instanceof Expression.GetAttr g) {
            out.append("(. ");
            expr(g.source());
            out.append(' ').append(g.name()).append(')');
        } else if (e instanceof Expression.Index i) {
            list(i.legacy() ? "legacy-index" : "index", i.source(), i.key());
        } else if (e instanceof Expression.Splat s) {
            list("splat", s.source(), s.each());
        } else if (e instanceof Expression.FunctionCall f) {
            call(f);
        } else if (e instanceof Expression.Conditional c) {
            list("?", c.condition(), c.trueResult(), c.falseResult());
        } else if (e instanceof Expression.Binary b) {
            list(b.operator().symbol(), b.left(), b.right());
        } else if (e instanceof Expression.Unary u) {
            list(u.operator() == UnaryOperator.NEGATE ? "neg" : "!", u.operand());
        } else if (e instanceof Expression.Tuple t) {
            out.append("(tuple");
            for (Expression element : t.elements()) {
                out.append(' ');
                expr(element);
            }
            out.append(')');
        } else if (e instanceof Expression.ObjectCons o) {
            object(o);
        } else if (e instanceof Expression.For f) {
            forExpr(f);
        } else if (e instanceof Expression.Parentheses p) {
            list("paren", p.inner());
        }
    }

    private void list(String head, Expression... operands) {
        out.append('(').append(head);
        for (Expression operand : operands) {
            out.append(' ');
            expr(operand);
        }
        out.append(')');
    }

    private void call(Expression.FunctionCall f) {
        out.append("(call ").append(f.name());
        for (Expression arg : f.args()) {
            out.append(' ');
            expr(arg);
        }
        out.append(f.expandFinal() ? " ...)" : ")");
    }

    private void object(Expression.ObjectCons o) {
        out.append("(object");
        for (ObjectItem item : o.items()) {
            out.append(' ');
            if (item.key() instanceof ObjectKey.Name name) {
                out.append(name.name());
            } else if (item.key() instanceof ObjectKey.Computed computed) {
                list("key", computed.expression());
            }
            out.append('=');
            expr(item.value());
        }
        out.append(')');
    }

    private void forExpr(Expression.For f) {
        out.append("(for ");
        f.keyVar().ifPresent(k -> out.append(k).append(','));
        out.append(f.valueVar()).append(" in ");
        expr(f.collection());
        out.append(" :");
        f.keyResult().ifPresent(k -> {
            out.append(' ');
            expr(k);
            out.append(" =>");
        });
        out.append(' ');
        expr(f.valueResult());
        if (f.grouping()) {
            out.append("...");
        }
        f.condition().ifPresent(c -> {
            out.append(" if ");
            expr(c);
        });
        out.append(')');
    }

    private void parts(List<TemplatePart> parts) {
        for (TemplatePart part : parts) {
            out.append(' ');
            if (part instanceof TemplatePart.Literal l) {
                out.append(quote(l.text()));
            } else if (part instanceof TemplatePart.Interpolation i) {
                list("interp", i.expression());
            } else if (part instanceof TemplatePart.If i) {
                out.append("(if ");
                expr(i.condition());
                out.append(" (then");
                parts(i.thenParts());
                out.append(") (else");
                parts(i.elseParts());
                out.append("))");
            } else if (part instanceof TemplatePart.ForDirective f) {
                out.append("(for ");
                f.keyVar().ifPresent(k -> out.append(k).append(','));
                out.append(f.valueVar()).append(" in ");
                expr(f.collection());
                parts(f.body());
                out.append(')');
            }
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> q.append(ch);
            }
        }
        return q.append('"').toString();
    }
}
