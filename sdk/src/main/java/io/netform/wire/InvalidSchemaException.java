package io.netform.wire;

/**
 * A tfplugin6 schema or function signature that does not make a schema: the message names where in
 * it (e.g. "resource type x, block rule, attribute action") and what is wrong there.
 */
public final class InvalidSchemaException extends RuntimeException {

    InvalidSchemaException(String where, String problem) {
        super(where + ": " + problem);
    }
}
