package io.netform.plan;

import java.util.List;

/** What a change does to a remote object, with the names Terraform's plan JSON and UI use. */
public enum Action {
    NO_OP(List.of("no-op"), " ", "noop"),
    CREATE(List.of("create"), "+", "create"),
    READ(List.of("read"), "<=", "read"),
    UPDATE(List.of("update"), "~", "update"),
    DELETE_THEN_CREATE(List.of("delete", "create"), "-/+", "replace"),
    CREATE_THEN_DELETE(List.of("create", "delete"), "+/-", "replace"),
    DELETE(List.of("delete"), "-", "delete"),
    /** The object stays, but state no longer records it ({@code removed} with {@code destroy = false}). */
    FORGET(List.of("forget"), ".", "remove");

    private final List<String> jsonActions;
    private final String symbol;
    private final String uiName;

    Action(List<String> jsonActions, String symbol, String uiName) {
        this.jsonActions = jsonActions;
        this.symbol = symbol;
        this.uiName = uiName;
    }

    /** The {@code change.actions} list of the plan JSON. */
    public List<String> jsonActions() {
        return jsonActions;
    }

    /** The marker in front of a change in the human plan. */
    public String symbol() {
        return symbol;
    }

    /** The {@code action} name of the machine-readable UI. */
    public String uiName() {
        return uiName;
    }

    /** Whether the object is replaced (destroyed and created again, in either order). */
    public boolean isReplace() {
        return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
    }
}
