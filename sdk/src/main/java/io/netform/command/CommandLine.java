package io.netform.command;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A standalone command's command line: its {@code --name value} flags, read in order, and its life
 * (bad flags print the message and the usage and exit 2; a server runs until the process is killed).
 */
public final class CommandLine {

    private CommandLine() {}

    /** One {@code --name value} pair. */
    public record Flag(String name, String value) {}

    /**
     * The flags in order; iterating refuses {@code -h}/{@code --help} and a flag without a value with
     * an {@link IllegalArgumentException} when it reaches them, so that errors come in the order given.
     */
    public static Iterable<Flag> flags(String[] args) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < args.length;
            }

            @Override
            public Flag next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String name = args[next];
                if (name.equals("-h") || name.equals("--help")) {
                    throw new IllegalArgumentException("help requested");
                }
                if (next + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                next += 2;
                return new Flag(name, args[next - 1]);
            }
        };
    }

    /** The flag's value as a whole number in {@code min..max}. */
    public static int number(Flag flag, int min, int max) {
        try {
            int n = Integer.parseInt(flag.value());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag.name() + " must be a whole number in " + min + ".." + max + ", got '" + flag.value() + "'");
        }
    }

    /** {@code parse(args)}; on bad flags prints {@code command: message} and the usage, and exits 2. */
    public static <C> C parseOrExit(String command, String usage, String[] args, Function<String[], C> parse) {
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw e; // not reached
        }
    }

    /**
     * Runs {@code announce}, then blocks until the process is asked to stop (SIGTERM, Ctrl-C) and
     * {@code close} has run; the hook is in place before the announcement, so that a caller who
     * stops the server as soon as it is announced still has it closed.
     */
    public static void serveUntilKilled(String command, Runnable close, Runnable announce) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close.run();
                            stopped.countDown();
                        },
                        command + "-shutdown"));
        announce.run();
        stopped.await();
    }
}
