package io.netform.kubernetes.resource;

import io.netform.kubernetes.Cluster;
import io.netform.value.Value;
import java.util.Map;

/** What a kind waits for after its API call returns, e.g. a namespace's deletion to finish. */
interface Waits {

    Waits NONE = new Waits() {};

    /**
     * After the object was created; {@code planned} is the plan being applied.
     *
     * @return the object as last read, which becomes the new state
     */
    default Map<String, Object> afterCreate(Cluster cluster, Map<String, Object> created, Value planned) {
        return created;
    }

    /** After the delete call; {@code prior} is the object's state. */
    default void afterDelete(Cluster cluster, String namespace, String name, Value prior) {}
}
