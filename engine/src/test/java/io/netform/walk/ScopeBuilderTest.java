package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AbsResource;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.Resource;
import io.netform.addrs.ResourceMode;
import io.netform.config.LoadResult;
import io.netform.config.Module;
import io.netform.config.ModuleLoader;
import io.netform.hcl.HclParser;
import io.netform.lang.Evaluation;
import io.netform.lang.Evaluator;
import io.netform.lang.Scope;
import io.netform.lang.TemplateFiles;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scopes refer to resources and module calls without building them whole: an instance looked up by
 * key is exactly the element of the whole value, and the whole value follows every change.
 */
class ScopeBuilderTest {

    @TempDir
    Path dir;

    private final WalkValues values = new WalkValues();
    private Module root;
    private ScopeBuilder scopes;

    private static AbsResource managed(String name) {
        return new Resource(ResourceMode.MANAGED, "testing_object", name).in(ModuleInstance.ROOT);
    }

    private static Value user(String name) {
        return Value.object(Map.of(
                "name", Value.string(name), "secret", Value.string("s-" + name).mark(Mark.SENSITIVE)));
    }

    @BeforeEach
    void configuration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "k" {}
                resource "testing_object" "user" {
                  for_each = toset(["a", "b", "c"])
                  name     = each.key
                }
                resource "testing_object" "seat" {
                  count = 3
                  name  = "seat"
                }
                resource "testing_object" "later" {
                  for_each = toset([])
                  name     = "later"
                }
                data "testing_echo" "e" {
                  for_each = toset(["x"])
                  input    = each.key
                }
                module "m" {
                  source   = "./m"
                  for_each = toset(["a", "b"])
                }
                """);
        Files.createDirectory(dir.resolve("m"));
        Files.writeString(dir.resolve("m/main.tf"), "output \"out\" {\n  value = 1\n}\n");
        LoadResult loaded = ModuleLoader.load(dir);
        assertThat(loaded.diagnostics()).isEmpty();
        root = loaded.root();
        scopes = new ScopeBuilder(
                values, new FunctionTable(FunctionRegistry.terraform(dir, new TemplateFiles())), dir, "default");
        Map<String, Value> users = new LinkedHashMap<>();
        for (String k : List.of("a", "b", "c")) {
            users.put(k, Value.string(k));
        }
        values.setExpansion(managed("user"), Expansion.forEach(users));
        // "c" not planned yet: an unknown, as in the whole value
        values.setInstance(managed("user"), InstanceKey.of("a"), user("a"));
        values.setInstance(managed("user"), InstanceKey.of("b"), user("b"));
        values.setExpansion(managed("seat"), Expansion.count(3));
        for (int i = 0; i < 3; i++) {
            values.setInstance(managed("seat"), InstanceKey.of(i), user("seat" + i));
        }
        values.setExpansion(managed("later"), Expansion.UNKNOWN);
        AbsResource echo = Resource.data("testing_echo", "e").in(ModuleInstance.ROOT);
        values.setExpansion(echo, Expansion.forEach(Map.of("x", Value.string("x"))));
        values.setInstance(echo, InstanceKey.of("x"), Value.object(Map.of("output", Value.string("echoed"))));
        values.setCallExpansion(
                ModuleInstance.ROOT, "m", Expansion.forEach(Map.of("a", Value.string("a"), "b", Value.string("b"))));
        values.setOutput(ModuleInstance.ROOT.child("m", InstanceKey.of("a")), "out", Value.number(1));
    }

    private Evaluation deferred(String expression, Value k) {
        values.setVariable(ModuleInstance.ROOT, "k", k);
        var parsed = HclParser.parseExpression("t.tf", expression).value();
        return Evaluator.evaluate(parsed, scopes.scope(root, ModuleInstance.ROOT, Repetition.NONE, List.of(parsed)));
    }

    /** The same expression against scope values built whole, as every reference was evaluated before. */
    private Evaluation whole(String expression, Value k) {
        var parsed = HclParser.parseExpression("t.tf", expression).value();
        Map<String, Value> resources = new LinkedHashMap<>();
        for (String name : List.of("user", "seat", "later")) {
            resources.put(name, values.resourceValue(managed(name)));
        }
        Scope scope = Scope.of(
                Map.of(
                        "var",
                        Value.object(Map.of("k", k)),
                        "testing_object",
                        Value.object(resources),
                        "data",
                        Value.object(Map.of(
                                "testing_echo",
                                Value.object(Map.of(
                                        "e",
                                        values.resourceValue(Resource.data("testing_echo", "e")
                                                .in(ModuleInstance.ROOT)))))),
                        "module",
                        Value.object(Map.of("m", values.moduleValue(ModuleInstance.ROOT, "m")))),
                scopes.functions());
        return Evaluator.evaluate(parsed, scope);
    }

    @Test
    void anInstanceByKeyIsTheElementOfTheWholeValue() {
        List<Value> keys = List.of(
                Value.string("a"),
                Value.string("c"),
                Value.string("z"),
                Value.string("1"),
                Value.string("x"),
                Value.number(0),
                Value.number(2),
                Value.number(3),
                Value.number(-1),
                Value.number(1.5),
                Value.bool(true),
                Value.string("b").mark(Mark.SENSITIVE),
                Value.number(1).mark(Mark.SENSITIVE),
                Value.unknown(Type.STRING),
                Value.unknown(Type.NUMBER).mark(Mark.SENSITIVE),
                Value.nullOf(Type.STRING));
        List<String> expressions = List.of(
                "testing_object.user[var.k]",
                "testing_object.user[var.k].secret",
                "testing_object.seat[var.k].name",
                "testing_object.later[var.k]",
                "data.testing_echo.e[var.k].output",
                "module.m[var.k]",
                "module.m[var.k].out",
                "[testing_object.user[var.k], values(testing_object.user)]");
        for (String expression : expressions) {
            for (Value k : keys) {
                Evaluation expected = whole(expression, k);
                Evaluation actual = deferred(expression, k);
                assertThat(actual.value()).as("%s with k = %s", expression, k).isEqualTo(expected.value());
                assertThat(actual.diagnostics())
                        .as("%s with k = %s", expression, k)
                        .isEqualTo(expected.diagnostics());
            }
        }
    }

    @Test
    void theWholeValueFollowsEveryChange() {
        assertThat(deferred("testing_object.user", Value.string("a")).value().getAttr("c"))
                .isEqualTo(Value.unknown(Type.DYNAMIC));
        values.setInstance(managed("user"), InstanceKey.of("c"), user("c"));
        assertThat(deferred("testing_object.user", Value.string("a")).value().getAttr("c"))
                .isEqualTo(user("c"));
        assertThat(deferred("module.m", Value.string("a")).value().getAttr("b")).isEqualTo(Value.object(Map.of()));
        values.setOutput(ModuleInstance.ROOT.child("m", InstanceKey.of("b")), "out", Value.number(2));
        assertThat(deferred("module.m", Value.string("a")).value().getAttr("b"))
                .isEqualTo(Value.object(Map.of("out", Value.number(2))));
        values.setExpansion(managed("seat"), Expansion.count(1));
        assertThat(deferred("length(testing_object.seat)", Value.string("a")).value())
                .isEqualTo(Value.number(1));
        assertThat(deferred("testing_object.seat[var.k]", Value.number(1)).diagnostics())
                .extracting(d -> d.summary())
                .containsExactly("Invalid index");
    }
}
