package io.netform.walk;

import io.netform.addrs.ResourceInstance;
import io.netform.value.Value;

/** What planning tells the user interface as it reads objects from their providers; called from any thread. */
public interface RefreshHooks {

    /** Hooks that do nothing. */
    RefreshHooks NONE = new RefreshHooks() {};

    /** Reading the object of {@code address}, which state records as {@code stored}, started. */
    default void refreshStarted(ResourceInstance address, Value stored) {}

    /** The object was read; {@code now} is what the provider returned (a null value when it is gone). */
    default void refreshCompleted(ResourceInstance address, Value now) {}
}
