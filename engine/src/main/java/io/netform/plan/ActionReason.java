package io.netform.plan;

/** Why an action was chosen where that is not obvious, with the plan JSON's {@code action_reason} names. */
public enum ActionReason {
    NONE(null),
    REPLACE_BECAUSE_CANNOT_UPDATE("replace_because_cannot_update"),
    REPLACE_BECAUSE_TAINTED("replace_because_tainted"),
    REPLACE_BY_REQUEST("replace_by_request"),
    REPLACE_BY_TRIGGERS("replace_by_triggers"),
    DELETE_BECAUSE_NO_RESOURCE_CONFIG("delete_because_no_resource_config"),
    DELETE_BECAUSE_WRONG_REPETITION("delete_because_wrong_repetition"),
    DELETE_BECAUSE_COUNT_INDEX("delete_because_count_index"),
    DELETE_BECAUSE_EACH_KEY("delete_because_each_key"),
    DELETE_BECAUSE_NO_MODULE("delete_because_no_module"),
    READ_BECAUSE_CONFIG_UNKNOWN("read_because_config_unknown"),
    READ_BECAUSE_DEPENDENCY_PENDING("read_because_dependency_pending");

    private final String jsonName;

    ActionReason(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in plan JSON, or null for {@link #NONE}. */
    public String jsonName() {
        return jsonName;
    }
}
