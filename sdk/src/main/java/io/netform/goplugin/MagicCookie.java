package io.netform.goplugin;

import java.util.Map;
import java.util.Objects;

/**
 * The environment variable a host sets so that a plugin knows it was launched by that host, not
 * run by hand.
 */
public record MagicCookie(String key, String value) {

    /** Terraform's cookie; Netform uses it so its providers run under Terraform and vice versa. */
    public static final MagicCookie TERRAFORM = new MagicCookie(
            "TF_PLUGIN_MAGIC_COOKIE", "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2");

    public MagicCookie {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** True when the environment carries this cookie with the right value. */
    public boolean isPresentIn(Map<String, String> environment) {
        return value.equals(environment.get(key));
    }
}
