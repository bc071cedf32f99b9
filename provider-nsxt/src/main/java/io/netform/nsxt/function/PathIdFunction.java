package io.netform.nsxt.function;

import io.netform.provider.FunctionError;
import io.netform.provider.ProviderFunction;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.FunctionParameter;
import io.netform.wire.FunctionSignature;
import java.util.List;

/**
 * {@code path_id(path)}: the id at the end of a policy path, e.g. {@code "web"} of
 * {@code "/infra/segments/web"}, where a configuration has the path of an object (its {@code path}
 * attribute, a data source's) and an argument wants the id.
 */
final class PathIdFunction implements ProviderFunction {

    @Override
    public FunctionSignature signature() {
        return FunctionSignature.returning(Type.STRING)
                .with(FunctionParameter.string("path").describedAs("A policy path, such as /infra/segments/web."))
                .summarizedAs("The id at the end of a policy path")
                .describedAs("Returns the last segment of an NSX policy path: the id of the object the path names,"
                        + " e.g. \"web\" for \"/infra/segments/web\".");
    }

    @Override
    public Value call(List<Value> arguments) {
        String path = arguments.get(0).asString();
        if (!path.startsWith("/")) {
            throw FunctionError.argument(
                    0,
                    "\"" + path + "\" is not a policy path: a policy path starts with \"/\","
                            + " such as \"/infra/segments/web\"");
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (id.isEmpty()) {
            throw FunctionError.argument(
                    0,
                    "\"" + path + "\" names no object: a policy path ends with the object's id," + " not with \"/\"");
        }
        return Value.string(id);
    }
}
