package io.netform.lang.function;

import io.netform.value.Value;
import java.util.List;

/** The functions an expression may call, by name. */
public interface Functions {

    /** No functions at all. */
    Functions NONE = new Functions() {
        @Override
        public boolean exists(String name) {
            return false;
        }

        @Override
        public Value call(String name, List<Value> args) throws FunctionException {
            throw new FunctionException("there is no function named \"" + name + "\"");
        }
    };

    /** Whether a function named {@code name} exists. */
    boolean exists(String name);

    /** Calls {@code name}; unknown and sensitive arguments are the function table's to handle. */
    Value call(String name, List<Value> args) throws FunctionException;
}
