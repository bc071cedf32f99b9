package io.netform.provider;

import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provider for the tests of nested blocks: a rack whose ports, disks, VLANs, chassis and power
 * feeds are blocks of every nesting, with force-new attributes inside them, one force-new block
 * and item limits.
 */
final class RackProvider implements Provider {

    static final SchemaBlock PORT = SchemaBlock.of(
            SchemaAttribute.string("number").required().forceNew(),
            SchemaAttribute.string("label").optional());
    static final SchemaBlock DISK = SchemaBlock.of(
            SchemaAttribute.string("size").required().forceNew(),
            SchemaAttribute.string("note").optional());
    static final SchemaBlock VLAN = SchemaBlock.of(
            SchemaAttribute.string("cidr").required().forceNew(),
            SchemaAttribute.string("comment").optional());
    static final SchemaBlock SLOT =
            SchemaBlock.of(SchemaAttribute.string("card").required().forceNew());
    static final SchemaBlock CHASSIS = SchemaBlock.of(
                    SchemaAttribute.string("model").required().forceNew(),
                    SchemaAttribute.string("colour").optional())
            .with(NestedBlock.list("slot", SLOT).withItems(0, 1));
    static final SchemaBlock POWER =
            SchemaBlock.of(SchemaAttribute.string("volts").optional());

    static final Schema RACK = Schema.of(SchemaBlock.of(
                    SchemaAttribute.string("name").required(),
                    SchemaAttribute.string("id").computed())
            .with(
                    NestedBlock.list("port", PORT).withItems(1, 3),
                    NestedBlock.set("disk", DISK).withItems(0, 2),
                    new NestedBlock("vlan", Nesting.MAP, VLAN, 0, 0),
                    NestedBlock.single("chassis", CHASSIS),
                    NestedBlock.list("power", POWER).forceNew()));

    static final SchemaBlock ENDPOINT =
            SchemaBlock.of(SchemaAttribute.string("url").required());

    @Override
    public String name() {
        return "racks";
    }

    @Override
    public Schema schema() {
        return Schema.of(
                SchemaBlock.of().with(NestedBlock.list("endpoint", ENDPOINT).withItems(0, 1)));
    }

    @Override
    public void configure(Value config) {}

    @Override
    public Map<String, ResourceType> resources() {
        return Map.of("racks_rack", new Rack());
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return Map.of("racks_rack", new DataSource() {
            @Override
            public Schema schema() {
                return RACK;
            }

            @Override
            public Value read(Value config) {
                return config;
            }
        });
    }

    /** Racks are only planned and validated in these tests; applying one just records an id. */
    private static final class Rack implements StateOnlyResource {

        @Override
        public Schema schema() {
            return RACK;
        }

        @Override
        public Value create(Value planned, Value config) {
            Map<String, Value> attributes = new TreeMap<>(planned.asMap());
            attributes.put("id", Value.string("rack-1"));
            return Value.object(attributes);
        }
    }
}
