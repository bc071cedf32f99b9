package io.netform.state;

/** Another command holds the state lock; carries the holder's info, when it could be read. */
public final class StateLockedException extends RuntimeException {

    private final transient LockInfo holder;

    public StateLockedException(String message, LockInfo holder) {
        super(message);
        this.holder = holder;
    }

    /** The info the holder wrote, or null when none could be read. */
    public LockInfo holder() {
        return holder;
    }
}
