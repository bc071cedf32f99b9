package io.netform.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Nesting;
import io.netform.wire.SchemaAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsTest {

    /** JSON objects as maps, primitives as their Java forms: enough to see what the fields write. */
    private enum Maps implements JsonObjects<Map<String, Object>> {
        OBJECTS;

        @Override
        public Map<String, Object> create() {
            return new LinkedHashMap<>();
        }

        @Override
        public void putValue(Map<String, Object> object, String member, Value value) {
            object.put(member, value.type().equals(Type.STRING) ? value.asString() : value.asBigDecimal());
        }

        @Override
        public Value value(Map<String, Object> object, String member, Type type) {
            Object plain = object.get(member);
            if (plain == null) {
                return Value.nullOf(type);
            }
            return type.equals(Type.STRING)
                    ? Value.string((String) plain)
                    : Value.number(new java.math.BigDecimal(plain.toString()));
        }

        @Override
        public void putObject(Map<String, Object> object, String member, Map<String, Object> value) {
            object.put(member, value);
        }

        @Override
        public void putObjects(Map<String, Object> object, String member, List<Map<String, Object>> items) {
            object.put(member, items);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> object(Map<String, Object> object, String member) {
            return object.get(member) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> objects(Map<String, Object> object, String member) {
            return object.get(member) instanceof List<?> list ? (List<Map<String, Object>>) list : new ArrayList<>();
        }

        @Override
        public void clear(Map<String, Object> object, String member, boolean collection) {
            object.put(member, collection ? List.of() : "cleared");
        }
    }

    private static final Fields<Map<String, Object>> ADVANCED = Fields.builder(Maps.OBJECTS)
            .add(SchemaAttribute.number("mtu").optional(), "MTU")
            .build();

    private static final Fields<Map<String, Object>> FIELDS = Fields.builder(Maps.OBJECTS)
            .add(SchemaAttribute.string("display_name").optional())
            .add(SchemaAttribute.string("path").computed())
            .local(SchemaAttribute.string("gateway_path").required())
            .custom(
                    SchemaAttribute.string("state").optional(),
                    (value, json) -> json.put("disabled", value.asString().equals("off")),
                    json -> json.put("disabled", false),
                    json -> Value.string(Boolean.TRUE.equals(json.get("disabled")) ? "off" : "on"))
            .oneObject("advanced", ADVANCED, "advanced_config")
            .block(Nesting.SET, "subnet", ADVANCED, "subnets")
            .build();

    private static Value segment(String name, String state, List<Value> advanced) {
        Value mtu = Value.object(Map.of("mtu", Value.number(1500)));
        Map<String, Value> attributes = new LinkedHashMap<>();
        attributes.put("display_name", name == null ? Value.nullOf(Type.STRING) : Value.string(name));
        attributes.put("path", Value.unknown(Type.STRING));
        attributes.put("gateway_path", Value.string("/infra/tier-1s/t1"));
        attributes.put("state", Value.string(state));
        attributes.put("advanced", Value.list(mtu.type(), advanced));
        attributes.put("subnet", Value.set(mtu.type(), List.of(mtu)));
        return Value.object(attributes);
    }

    @Test
    void writesWhatTheUserSetsUnderTheApisNames() {
        Value mtu = Value.object(Map.of("mtu", Value.number(9000)));

        Map<String, Object> json = FIELDS.toJson(segment("web", "off", List.of(mtu)));

        assertThat(json)
                .containsOnlyKeys("display_name", "disabled", "advanced_config", "subnets")
                .containsEntry("disabled", true)
                .containsEntry("advanced_config", Map.of("MTU", new java.math.BigDecimal(9000)));
        assertThat(FIELDS.isLocal("gateway_path")).isTrue();
        assertThat(FIELDS.isLocal("state")).isFalse();
        assertThat(FIELDS.block().attributes()).containsOnlyKeys("display_name", "path", "gateway_path", "state");
    }

    @Test
    void readsBackWhatItWroteAndNothingForLocalAttributes() {
        Value mtu = Value.object(Map.of("mtu", Value.number(9000)));

        Value read = FIELDS.fromJson(FIELDS.toJson(segment("web", "off", List.of(mtu))));

        assertThat(read.getAttr("display_name")).isEqualTo(Value.string("web"));
        assertThat(read.getAttr("state")).isEqualTo(Value.string("off"));
        assertThat(read.getAttr("gateway_path").isNull()).isTrue();
        assertThat(read.getAttr("advanced").elements()).containsExactly(mtu);
        assertThat(read.getAttr("subnet").length()).isEqualTo(1);
    }

    @Test
    void clearsOnlyWhatThePlanDrops() {
        Value mtu = Value.object(Map.of("mtu", Value.number(9000)));
        Map<String, Object> json = new LinkedHashMap<>();

        FIELDS.clearRemoved(segment("web", "on", List.of(mtu)), segment(null, "on", List.of()), json);

        assertThat(json).containsOnlyKeys("display_name", "advanced_config");
        assertThat(json).containsEntry("display_name", "cleared").containsEntry("advanced_config", "cleared");
    }
}
