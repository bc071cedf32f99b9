package io.netform.cli;

import io.netform.core.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) while an operation runs: says so, cancels the operation, and holds the JVM until
 * the operations in progress have finished and the state is written (until {@link #close()}).
 */
final class InterruptHandler implements AutoCloseable {

    private final Ui ui;
    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "netform-interrupt");

    InterruptHandler(Ui ui) {
        this.ui = ui;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The token the operation watches. */
    Cancellation cancellation() {
        return cancellation;
    }

    private void interrupted() {
        ui.err()
                .println("\n" + ui.bold("Interrupt received.") + "\nPlease wait for Netform to exit or data loss "
                        + "may occur.\nGracefully shutting down...");
        ui.err().flush();
        cancellation.cancel();
        try {
            finished.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it returns now that the work is done.
        }
    }
}
