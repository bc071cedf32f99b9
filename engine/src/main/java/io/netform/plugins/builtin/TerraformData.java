package io.netform.plugins.builtin;

import io.netform.provider.ResourceType;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code terraform_data}: an object that lives only in state. {@code output} takes the value of
 * {@code input} at apply, a change of {@code triggers_replace} replaces the object, {@code id} is a
 * random UUID; as Terraform's, a planned change of {@code input} leaves {@code output} known only
 * after apply.
 */
final class TerraformData implements ResourceType {

    private static final Schema SCHEMA = Schema.of(SchemaBlock.of(
            SchemaAttribute.string("id").computed().describedAs("A random UUID, set when the object is created."),
            SchemaAttribute.of("input", Type.DYNAMIC)
                    .optional()
                    .describedAs("Any value, stored in state and copied to output at apply."),
            SchemaAttribute.of("output", Type.DYNAMIC).computed().describedAs("The value of input after apply."),
            SchemaAttribute.of("triggers_replace", Type.DYNAMIC)
                    .optional()
                    .forceNew()
                    .describedAs("Any value; a change replaces the object.")));

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public boolean computesOffline() {
        return true;
    }

    @Override
    public Value customizePlan(Value prior, Value planned, Value config) {
        Value input = planned.getAttr("input");
        boolean fresh =
                prior.isNull() || !prior.getAttr("triggers_replace").rawEquals(planned.getAttr("triggers_replace"));
        if (fresh) {
            // output has input's type even when null, as Terraform plans it
            return planned.withAttributes(Map.of("output", input.isNull() ? input : Value.unknown(input.type())));
        }
        if (!prior.getAttr("input").rawEquals(input)) {
            return planned.withAttributes(Map.of("output", Value.unknown(input.type())));
        }
        return planned;
    }

    @Override
    public Value create(Value planned, Value config) {
        return resolve(planned);
    }

    @Override
    public Value update(Value prior, Value planned, Value config) {
        return resolve(planned);
    }

    @Override
    public Value read(Value current) {
        return current;
    }

    @Override
    public void delete(Value prior) {}

    /** An imported object has its id and nothing else, as Terraform imports one. */
    @Override
    public Value importState(String id) {
        return Value.object(Map.of(
                "id", Value.string(id),
                "input", Value.nullOf(Type.DYNAMIC),
                "output", Value.nullOf(Type.DYNAMIC),
                "triggers_replace", Value.nullOf(Type.DYNAMIC)));
    }

    /** The planned state with its unknowns settled: output from input, a new id. */
    private static Value resolve(Value planned) {
        Map<String, Value> settled = new HashMap<>();
        if (!planned.getAttr("output").isKnown()) {
            settled.put("output", planned.getAttr("input"));
        }
        if (!planned.getAttr("id").isKnown()) {
            settled.put("id", Value.string(UUID.randomUUID().toString()));
        }
        return planned.withAttributes(settled);
    }
}
