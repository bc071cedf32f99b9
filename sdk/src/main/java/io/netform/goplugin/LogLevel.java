package io.netform.goplugin;

import java.util.Locale;

/** hclog's levels, in increasing severity. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** The lower-case name hclog writes in {@code @level}. */
    public String hclogName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level hclog calls {@code name}, or null when the name is not one of hclog's. */
    static LogLevel fromHclogName(String name) {
        for (LogLevel level : values()) {
            if (level.hclogName().equalsIgnoreCase(name)) {
                return level;
            }
        }
        return null;
    }
}
