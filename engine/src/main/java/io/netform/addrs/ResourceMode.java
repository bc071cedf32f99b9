package io.netform.addrs;

/** Whether a resource is managed by Netform or only read (a data source). */
public enum ResourceMode {
    MANAGED("managed"),
    DATA("data");

    private final String stateName;

    ResourceMode(String stateName) {
        this.stateName = stateName;
    }

    /** The mode as state files spell it. */
    public String stateName() {
        return stateName;
    }

    /** The mode for a state file's {@code mode} value. */
    public static ResourceMode fromStateName(String name) {
        for (ResourceMode mode : values()) {
            if (mode.stateName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown resource mode \"" + name + "\"; expected \"managed\" or \"data\"");
    }
}
