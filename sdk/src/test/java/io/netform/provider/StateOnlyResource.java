package io.netform.provider;

import io.netform.value.Value;

/**
 * A resource for tests whose objects exist only in state: creating and updating keep the plan,
 * reading keeps the state, deleting does nothing.
 */
interface StateOnlyResource extends ResourceType {

    @Override
    default Value create(Value planned, Value config) {
        return planned;
    }

    @Override
    default Value read(Value current) {
        return current;
    }

    @Override
    default Value update(Value prior, Value planned, Value config) {
        return planned;
    }

    @Override
    default void delete(Value prior) {}
}
