package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the evaluator and the engine rely on: node types, values, ranges and entry points. */
class HclParserTest {

    private static Body parse(String text) {
        ParseResult<Body> result = HclParser.parseFile("main.tf", text);
        assertThat(result.diagnostics()).isEmpty();
        return result.value();
    }

    private static Expression attribute(String text) {
        return parse(text).attributes().get(0).expression();
    }

    @Test
    void attributeAndExpressionsCarryFileLineColumnAndByteOffset() {
        Body body = parse("# c\nname = foo.bar + 1\n");
        Attribute attribute = body.attributes().get(0);

        assertThat(attribute.nameRange())
                .isEqualTo(new SourceRange("main.tf", new SourcePos(2, 1, 4), new SourcePos(2, 5, 8)));
        assertThat(attribute.range().end()).isEqualTo(new SourcePos(2, 19, 22));
        Expression.Binary sum = (Expression.Binary) attribute.expression();
        assertThat(sum.range().start()).isEqualTo(new SourcePos(2, 8, 11));
        assertThat(sum.left()).isInstanceOf(Expression.GetAttr.class);
        assertThat(sum.left().range().end()).isEqualTo(new SourcePos(2, 15, 18));
        assertThat(sum.right().range().start()).isEqualTo(new SourcePos(2, 18, 21));
    }

    @Test
    void columnsCountCharactersWhileOffsetsCountUtf8Bytes() {
        Expression expression = attribute("a = \"é😀\" + x\n");

        Expression right = ((Expression.Binary) expression).right();
        // "é" is 2 bytes, the emoji 4 bytes and two UTF-16 chars, but each is one column
        assertThat(right.range().start()).isEqualTo(new SourcePos(1, 12, 15));
    }

    @Test
    void blocksKeepTypeLabelsAndBodyWithRanges() {
        Block block = parse("resource \"nsxt_policy_segment\" web {\n  a = 1\n}\n")
                .blocks()
                .get(0);

        assertThat(block.type()).isEqualTo("resource");
        assertThat(block.labels())
                .extracting(BlockLabel::value, BlockLabel::quoted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nsxt_policy_segment", true),
                        org.assertj.core.groups.Tuple.tuple("web", false));
        assertThat(block.body().attributes()).extracting(Attribute::name).containsExactly("a");
        assertThat(block.range().start().line()).isEqualTo(1);
        assertThat(block.range().end()).isEqualTo(new SourcePos(3, 2, 46));
    }

    @Test
    void numbersAreExactBigDecimals() {
        Expression.NumberLiteral n = (Expression.NumberLiteral) attribute("a = 0.1000000000000000000001\n");

        assertThat(n.value()).isEqualTo(new BigDecimal("0.1000000000000000000001"));
    }

    @Test
    void aTemplateOfOneInterpolationIsUnwrappedToItsExpression() {
        assertThat(attribute("a = \"${x}\"\n")).isInstanceOf(Expression.TemplateWrap.class);
        assertThat(attribute("a = \"x${x}\"\n")).isInstanceOf(Expression.Template.class);
        assertThat(attribute("a = \"%{for v in l}${v}%{endfor}\"\n")).isInstanceOf(Expression.Template.class);
    }

    @Test
    void literalStringsAreTemplatesWithOneLiteralPart() {
        Expression.Template t = (Expression.Template) attribute("a = \"x\\ty\"\n");

        assertThat(t.parts())
                .singleElement()
                .isInstanceOfSatisfying(
                        TemplatePart.Literal.class, l -> assertThat(l.text()).isEqualTo("x\ty"));
    }

    @Test
    void bareObjectKeysAreNamesAndOthersAreComputed() {
        Expression.ObjectCons o = (Expression.ObjectCons) attribute("a = { name = 1, (k) = 2, \"s\" = 3 }\n");

        assertThat(o.items().get(0).key())
                .isEqualTo(new ObjectKey.Name("name", o.items().get(0).key().range()));
        assertThat(o.items().get(1).key()).isInstanceOf(ObjectKey.Computed.class);
        assertThat(o.items().get(2).key()).isInstanceOf(ObjectKey.Computed.class);
    }

    @Test
    void standaloneExpressionRejectsTrailingCharacters() {
        assertThat(HclParser.parseExpression("<value>", "[1, 2]").diagnostics()).isEmpty();

        ParseResult<Expression> bad = HclParser.parseExpression("<value>", "1 2");
        assertThat(bad.diagnostics())
                .extracting(Diagnostic::summary)
                .containsExactly("Extra characters after expression");
    }

    @Test
    void templateFilesAreParsedAsTemplatesWithoutQuotes() {
        ParseResult<Expression> result = HclParser.parseTemplate(
                "user_data.tftpl", "#!/bin/sh\n%{ for ip in ips ~}\nping ${ip}\n%{ endfor ~}\n\"quoted\" \\n stays\n");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(SyntaxTreePrinter.print(result.value()))
                .isEqualTo(
                        "(template \"#!/bin/sh\\n\" (for ip in ips \"ping \" (interp ip) \"\\n\") \"\\\"quoted\\\" \\\\n stays\\n\")");
    }

    @Test
    void invalidUtf8IsReportedAtItsPosition() {
        byte[] content = "a = 1\nb = \"x".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[content.length + 2];
        System.arraycopy(content, 0, broken, 0, content.length);
        broken[content.length] = (byte) 0xC3;
        broken[content.length + 1] = '"';

        ParseResult<Body> result = HclParser.parseFile("bad.tf", broken);

        assertThat(result.diagnostics().get(0).summary()).isEqualTo("Invalid character encoding");
        assertThat(result.diagnostics().get(0).subject().start()).isEqualTo(new SourcePos(2, 7, 12));
    }

    @Test
    void blockLabelsMustBeLiteralStrings() {
        ParseResult<Body> result = HclParser.parseFile("main.tf", "resource \"a_${x}\" \"b\" {\n}\n");

        assertThat(result.diagnostics()).extracting(Diagnostic::summary).containsExactly("Invalid block label");
    }

    @Test
    void oneParseReportsEveryIndependentError() {
        ParseResult<Body> result =
                HclParser.parseFile("main.tf", "a = [1 2]\nb = 'x'\nblock {\n  c = (1\n  d = 2\n}\ne = \"${\"\n");

        assertThat(result.diagnostics())
                .extracting(d -> d.subject().start().line() + " " + d.summary())
                .containsExactly(
                        "1 Missing item separator",
                        "2 Invalid character",
                        "2 Invalid character",
                        "4 Unbalanced parentheses",
                        "7 Unterminated template string",
                        "7 Invalid multi-line string");
        Block block = result.value().blocks().get(0);
        assertThat(block.body().attributes()).extracting(Attribute::name).containsExactly("c", "d");
    }

    @Test
    void forExpressionsExposeTheirParts() {
        Expression.For f = (Expression.For) attribute("a = {for k, v in m : v => k... if k != \"\"}\n");

        assertThat(f.keyVar()).contains("k");
        assertThat(f.valueVar()).isEqualTo("v");
        assertThat(f.producesObject()).isTrue();
        assertThat(f.grouping()).isTrue();
        assertThat(f.condition()).isPresent();
    }

    @Test
    void aForExpressionMayStartOnTheLineAfterTheBraceOrBracket() {
        Expression.For object = (Expression.For) attribute("a = {\n  for k, v in m : k => v\n}\n");
        Expression.For tuple = (Expression.For) attribute("a = [\n  for k in m : k\n]\n");

        assertThat(object.producesObject()).isTrue();
        assertThat(object.keyVar()).contains("k");
        assertThat(tuple.producesObject()).isFalse();
    }

    @Test
    void splatsApplyTheirTraversalToEachElement() {
        Expression.Splat s = (Expression.Splat) attribute("a = x[*].y[0]\n");

        assertThat(s.source())
                .isEqualTo(new Expression.Identifier("x", s.source().range()));
        Expression.Index each = (Expression.Index) s.each();
        assertThat(((Expression.GetAttr) each.source()).source()).isInstanceOf(Expression.SplatItem.class);
    }

    @Test
    void bodyListsItemsInSourceOrder() {
        Body body = parse("a = 1\nb {}\nc = 2\n");

        assertThat(body.items())
                .extracting(item -> item instanceof Attribute a ? a.name() : ((Block) item).type())
                .isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void absurdNestingIsADiagnosticNotAStackOverflow() {
        String deep = "a = " + "[(-".repeat(20_000) + "1" + "\n";
        String blocks = "b {\n".repeat(5_000);

        assertThat(HclParser.parseFile("deep.tf", deep).diagnostics())
                .extracting(Diagnostic::summary)
                .containsExactly("Nesting too deep");
        assertThat(HclParser.parseFile("blocks.tf", blocks).diagnostics())
                .extracting(Diagnostic::summary)
                .containsExactly("Nesting too deep");
    }
}
