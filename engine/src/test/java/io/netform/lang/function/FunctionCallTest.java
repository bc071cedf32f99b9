package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The generic calling rules every function gets from {@link Function#call}. */
class FunctionCallTest {
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.terraform(Path.of("."));

    private static Value call(String name, Value... args) throws FunctionException {
        return FUNCTIONS.lookup(name).orElseThrow().call(List.of(args));
    }

    @Test
    void anUnknownArgumentGivesAnUnknownNonNullResultOfTheReturnType() throws FunctionException {
        Value result = call("upper", Value.unknown(Type.STRING));

        assertThat(result.isKnown()).isFalse();
        assertThat(result.type()).isEqualTo(Type.STRING);
        assertThat(result.refinement().notNull()).isTrue();
    }

    @Test
    void anUnknownElementOfAKnownListReachesFunctionsThatLookInside() throws FunctionException {
        Value list = Value.list(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING)));

        assertThat(call("length", list)).isEqualTo(Value.number(2));
        assertThat(call("join", Value.string(","), list).isKnown()).isFalse();
    }

    @Test
    void aSensitiveValueDeepInsideAnArgumentMakesTheResultSensitive() throws FunctionException {
        Value secret = Value.string("b").mark(Mark.SENSITIVE);
        Value list = Value.tuple(Value.string("a"), secret);

        Value joined = call("join", Value.string("-"), list);

        assertThat(joined.isSensitive()).isTrue();
        assertThat(joined.unmark()).isEqualTo(Value.string("a-b"));
    }

    @Test
    void marksSurviveAnUnknownShortCircuit() throws FunctionException {
        Value result = call("upper", Value.unknown(Type.STRING).mark(Mark.SENSITIVE));

        assertThat(result.isKnown()).isFalse();
        assertThat(result.isSensitive()).isTrue();
    }

    @Test
    void functionsThatHandleMarksDecideThemselves() throws FunctionException {
        Value secret = Value.string("x").mark(Mark.SENSITIVE);

        assertThat(call("issensitive", secret)).isEqualTo(Value.TRUE);
        assertThat(call("nonsensitive", secret)).isEqualTo(Value.string("x"));
        assertThat(call("sensitive", Value.string("x"))).isEqualTo(secret);
    }

    @Test
    void aConversionFailureIsAnArgumentErrorNamingTheParameter() {
        FunctionException e = catchThrowableOfType(
                FunctionException.class, () -> call("cidrhost", Value.string("10.0.0.0/8"), Value.string("many")));

        assertThat(e.summary()).isEqualTo("Invalid function argument");
        assertThat(e.argumentIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(e.detail()).startsWith("Invalid value for \"hostnum\" parameter: ");
    }

    @Test
    void aFailureOfTheWholeCallIsReportedAsSuch() {
        FunctionException e = catchThrowableOfType(
                FunctionException.class, () -> call("index", Value.tuple(Value.string("a")), Value.string("b")));

        assertThat(e.summary()).isEqualTo("Error in function call");
        assertThat(e.argumentIndex()).isEmpty();
        assertThat(e.detail()).isEqualTo("Call to function \"index\" failed: item not found.");
    }

    @Test
    void wrongArgumentCountsUseHclsSummaries() {
        FunctionException missing =
                catchThrowableOfType(FunctionException.class, () -> call("substr", Value.string("a")));
        FunctionException extra = catchThrowableOfType(
                FunctionException.class, () -> call("upper", Value.string("a"), Value.string("b"), Value.string("c")));

        assertThat(missing.summary()).isEqualTo("Not enough function arguments");
        assertThat(missing.detail())
                .isEqualTo("Function \"substr\" expects 3 argument(s). Missing value for \"offset\".");
        assertThat(extra.summary()).isEqualTo("Too many function arguments");
        assertThat(extra.argumentIndex()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void theReturnTypeIsKnownWithoutCalling() throws FunctionException {
        Function regex = FUNCTIONS.lookup("regex").orElseThrow();

        Type type = regex.returnType(List.of(Value.string("(?P<a>x)"), Value.unknown(Type.STRING)));

        assertThat(type).isEqualTo(Type.object(Map.of("a", Type.STRING)));
    }

    @Test
    void theRegistryHoldsEveryBuiltInTheIssueNames() {
        assertThat(FUNCTIONS.names())
                .contains(
                        "abs",
                        "ceil",
                        "floor",
                        "log",
                        "max",
                        "min",
                        "parseint",
                        "pow",
                        "signum",
                        "sum",
                        "chomp",
                        "endswith",
                        "format",
                        "formatlist",
                        "indent",
                        "join",
                        "lower",
                        "regex",
                        "regexall",
                        "replace",
                        "split",
                        "startswith",
                        "strcontains",
                        "strrev",
                        "substr",
                        "title",
                        "trim",
                        "trimprefix",
                        "trimsuffix",
                        "trimspace",
                        "upper",
                        "alltrue",
                        "anytrue",
                        "chunklist",
                        "coalesce",
                        "coalescelist",
                        "compact",
                        "concat",
                        "contains",
                        "distinct",
                        "element",
                        "flatten",
                        "index",
                        "keys",
                        "length",
                        "lookup",
                        "matchkeys",
                        "merge",
                        "one",
                        "range",
                        "reverse",
                        "setintersection",
                        "setproduct",
                        "setsubtract",
                        "setunion",
                        "slice",
                        "sort",
                        "transpose",
                        "values",
                        "zipmap",
                        "base64decode",
                        "base64encode",
                        "csvdecode",
                        "jsondecode",
                        "jsonencode",
                        "urlencode",
                        "yamldecode",
                        "yamlencode",
                        "abspath",
                        "basename",
                        "dirname",
                        "file",
                        "fileexists",
                        "fileset",
                        "templatefile",
                        "pathexpand",
                        "md5",
                        "sha1",
                        "sha256",
                        "sha512",
                        "base64sha256",
                        "base64sha512",
                        "uuidv5",
                        "cidrhost",
                        "cidrnetmask",
                        "cidrsubnet",
                        "cidrsubnets",
                        "tobool",
                        "tonumber",
                        "tostring",
                        "tolist",
                        "toset",
                        "tomap",
                        "sensitive",
                        "nonsensitive",
                        "issensitive",
                        "timestamp",
                        "formatdate",
                        "timeadd",
                        "timecmp");
    }

    @Test
    void builtInsAnswerToTheirCoreNamespaceToo() {
        assertThat(FUNCTIONS.lookup("core::upper"))
                .isEqualTo(FUNCTIONS.lookup("upper"))
                .isPresent();
        assertThat(FUNCTIONS.lookup("can")).isEmpty();
        assertThat(FUNCTIONS.lookup("provider::nsxt::upper")).isEmpty();
    }

    @Test
    void templatefileWithoutATemplateEngineSaysSo() {
        FunctionRegistry registry = FunctionRegistry.terraform(FunctionCorpusTest.MODULE_DIR);

        assertThatThrownBy(() -> registry.lookup("templatefile")
                        .orElseThrow()
                        .call(List.of(Value.string("greeting.tftpl"), Value.object(Map.of()))))
                .isInstanceOf(FunctionException.class)
                .hasMessage("Call to function \"templatefile\" failed: no template engine is available to"
                        + " render greeting.tftpl.");
    }

    @Test
    void aTemplateCannotCallTemplatefileAgain() {
        TemplateRenderer recursing = (text, file, vars, functions) ->
                functions.get("templatefile").call(List.of(Value.string(file), Value.object(Map.of())));
        FunctionRegistry registry = FunctionRegistry.terraform(FunctionCorpusTest.MODULE_DIR, recursing);

        assertThatThrownBy(() -> registry.lookup("templatefile")
                        .orElseThrow()
                        .call(List.of(Value.string("greeting.tftpl"), Value.object(Map.of()))))
                .isInstanceOf(FunctionException.class)
                .hasMessageContaining("cannot recursively call templatefile");
    }

    @Test
    void pathexpandReplacesTheTildeWithTheHomeDirectory() throws FunctionException {
        String home = System.getenv("HOME") != null ? System.getenv("HOME") : System.getProperty("user.home");

        assertThat(call("pathexpand", Value.string("~/.ssh/id_rsa"))).isEqualTo(Value.string(home + "/.ssh/id_rsa"));
    }

    @Test
    void abspathResolvesAgainstTheWorkingDirectory() throws FunctionException {
        String cwd = Path.of("").toAbsolutePath().toString();

        assertThat(call("abspath", Value.string("a/../b"))).isEqualTo(Value.string(cwd + "/b"));
    }
}
