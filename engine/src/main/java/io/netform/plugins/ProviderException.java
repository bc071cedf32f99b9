package io.netform.plugins;

/** A provider could not be started or reached, or broke its contract; the message names the provider. */
public final class ProviderException extends RuntimeException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
