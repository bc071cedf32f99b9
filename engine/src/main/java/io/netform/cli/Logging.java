package io.netform.cli;

import java.util.Locale;

/** The log level asked for with {@code NETFORM_LOG} (or Terraform's {@code TF_LOG}). */
final class Logging {

    private Logging() {
    }

    /** Whether stack traces and debug lines are wanted. */
    static boolean debugEnabled() {
        String level = System.getenv("NETFORM_LOG");
        if (level == null) {
            level = System.getenv("TF_LOG");
        }
        if (level == null) {
            return false;
        }
        String l = level.toLowerCase(Locale.ROOT);
        return l.equals("debug") || l.equals("trace");
    }
}
