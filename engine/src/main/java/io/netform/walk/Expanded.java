package io.netform.walk;

import io.netform.addrs.AbsResource;
import io.netform.addrs.ModuleInstance;
import io.netform.lang.Scope;
import io.netform.value.Value;
import java.util.function.Supplier;

/**
 * A resource or module call of one module instance as expressions refer to it: its whole value (an
 * object or tuple of all its instances), or its instances one at a time by key.
 */
record Expanded(Supplier<Value> whole, Scope.Elements instances) {

    /** The resource {@code resource} as the walk has computed it so far. */
    static Expanded resource(WalkValues values, AbsResource resource) {
        return new Expanded(() -> values.resourceValue(resource), key -> values.resourceInstance(resource, key));
    }

    /** The module call {@code call} in {@code caller}, each instance an object of its outputs. */
    static Expanded call(WalkValues values, ModuleInstance caller, String call) {
        return new Expanded(() -> values.moduleValue(caller, call), key -> values.moduleInstance(caller, call, key));
    }
}
