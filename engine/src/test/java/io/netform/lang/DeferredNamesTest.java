package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.HclParser;
import io.netform.lang.function.FunctionRegistry;
import io.netform.lang.function.FunctionTable;
import io.netform.value.Mark;
import io.netform.value.Type;
import io.netform.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A reference by key into a resource with many instances looks up that instance alone, whatever the
 * number of instances (hashicorp/terraform#26355), and every expression evaluates exactly as it does
 * against the whole value.
 */
class DeferredNamesTest {

    private static final FunctionTable FUNCTIONS = new FunctionTable(FunctionRegistry.terraform(Path.of(".")));

    /** {@code testing_object.user}, by for_each key or by count index, counting what evaluation asks of it. */
    private static final class Users implements Scope.Deferred {
        private final Value collection;
        int wholes;
        int lookups;

        Users(int n, boolean byCount) {
            List<Value> elements = new ArrayList<>();
            Map<String, Value> byKey = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Value user = Value.object(Map.of(
                        "name",
                        Value.string("user" + i),
                        "secret",
                        Value.string("s" + i).mark(Mark.SENSITIVE)));
                elements.add(user);
                byKey.put("user" + i, user);
            }
            collection = byCount ? Value.tuple(elements) : Value.object(byKey);
        }

        @Override
        public Value value() {
            wholes++;
            return Value.object(Map.of("user", collection));
        }

        @Override
        public Scope.Elements elements(List<String> attributes) {
            if (!attributes.equals(List.of("user"))) {
                return null;
            }
            return key -> {
                lookups++;
                if (!key.isKnown() || key.isNull()) {
                    return Optional.empty();
                }
                if (key.type() == Type.STRING && collection.hasAttribute(key.asString())) {
                    return Optional.of(collection.getAttr(key.asString()));
                }
                if (key.type() == Type.NUMBER
                        && collection.type() instanceof Type.TupleType
                        && key.asBigFloat().isLong()
                        && key.asBigFloat().longValue() >= 0
                        && key.asBigFloat().longValue() < collection.length()) {
                    return Optional.of(collection.index(key.asBigFloat().longValue()));
                }
                return Optional.empty();
            };
        }
    }

    private static final Map<String, Value> NAMES = Map.of(
            "each",
            Value.object(Map.of("key", Value.string("user7"), "value", Value.number(7))),
            "count",
            Value.object(Map.of("index", Value.number(7))),
            "var",
            Value.object(Map.of(
                    "secret_key", Value.string("user3").mark(Mark.SENSITIVE),
                    "secret_index", Value.number(3).mark(Mark.SENSITIVE),
                    "unknown", Value.unknown(Type.STRING),
                    "missing", Value.nullOf(Type.STRING))));

    private static Evaluation evaluate(String expression, Scope scope) {
        var parsed = HclParser.parseExpression("t.tf", expression);
        assertThat(parsed.diagnostics()).isEmpty();
        return Evaluator.evaluate(parsed.value(), scope);
    }

    private static Scope deferred(Users users) {
        return Scope.of(NAMES, Map.of("testing_object", users), FUNCTIONS);
    }

    private static Scope whole(Users users) {
        Map<String, Value> names = new LinkedHashMap<>(NAMES);
        names.put("testing_object", users.value());
        return Scope.of(names, FUNCTIONS);
    }

    @Test
    void aReferenceByKeyLooksUpOneInstanceHoweverManyThereAre() {
        for (int n : new int[] {10, 10_000}) {
            Users users = new Users(n, false);
            Evaluation e = evaluate("\"home-${testing_object.user[each.key].name}\"", deferred(users));
            assertThat(e.diagnostics()).isEmpty();
            assertThat(e.value()).isEqualTo(Value.string("home-user7"));
            assertThat(users.wholes).as("whole values built for %d users", n).isZero();
            assertThat(users.lookups).as("instances looked up for %d users", n).isEqualTo(1);
        }
        for (int n : new int[] {10, 10_000}) {
            Users users = new Users(n, true);
            Evaluation e = evaluate("testing_object.user[count.index].name", deferred(users));
            assertThat(e.value()).isEqualTo(Value.string("user7"));
            assertThat(users.wholes).isZero();
            assertThat(users.lookups).isEqualTo(1);
        }
    }

    @Test
    void aReferenceToTheWholeResourceBuildsItOnlyWhenUsed() {
        Users users = new Users(5, false);
        assertThat(evaluate("length(testing_object.user)", deferred(users)).value())
                .isEqualTo(Value.number(5));
        assertThat(users.wholes).isEqualTo(1);
        assertThat(users.lookups).isZero();
    }

    @Test
    void everyExpressionEvaluatesAsAgainstTheWholeValue() {
        List<String> byKey = List.of(
                "testing_object.user[\"user3\"].name",
                "testing_object.user[each.key]",
                "testing_object.user[each.key].secret",
                "testing_object.user[var.secret_key].name",
                "testing_object.user[var.unknown]",
                "testing_object.user[var.missing]",
                "testing_object.user[\"nobody\"]",
                "testing_object.user[1]",
                "testing_object.user[\"user1\"][\"name\"]",
                "testing_object.nobody[\"user1\"]",
                "testing_object.nobody[var.nothing]",
                "values(testing_object.user)[2].name",
                "testing_object.user[*].user4.name",
                "[for k, u in testing_object.user : u.name if k == \"user1\"]",
                "[for testing_object in [{ user = { a = 1 } }] : testing_object.user[\"a\"]]");
        List<String> byIndex = List.of(
                "testing_object.user[count.index].name",
                "testing_object.user[var.secret_index].secret",
                "testing_object.user[\"2\"].name",
                "testing_object.user[1.5]",
                "testing_object.user[-1]",
                "testing_object.user[-0].name",
                "testing_object.user[10]",
                "testing_object.user[var.unknown]",
                "testing_object.user[\"user1\"]",
                "testing_object.user[*].name",
                "[for i, u in testing_object.user : u.name if i == 4]");
        for (boolean byCount : new boolean[] {false, true}) {
            for (String expression : byCount ? byIndex : byKey) {
                Users users = new Users(10, byCount);
                Evaluation expected = evaluate(expression, whole(users));
                Evaluation actual = evaluate(expression, deferred(users));
                assertThat(actual.value()).as(expression).isEqualTo(expected.value());
                assertThat(actual.diagnostics()).as(expression).isEqualTo(expected.diagnostics());
            }
        }
    }
}
