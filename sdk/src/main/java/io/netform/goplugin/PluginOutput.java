package io.netform.goplugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a plugin process's stdout and stderr on two daemon threads: the first stdout line is the
 * handshake; stderr lines go to the log sink (hclog JSON parsed, other lines kept as text) and
 * the last few are remembered for error messages.
 */
final class PluginOutput {

    private static final int REMEMBERED_STDERR_LINES = 20;

    private final String plugin;
    private final PluginLogSink sink;
    private final CompletableFuture<String> firstStdoutLine = new CompletableFuture<>();
    private final CompletableFuture<Void> stderrDone = new CompletableFuture<>();
    private final Deque<String> lastStderrLines = new ArrayDeque<>();

    private PluginOutput(String plugin, PluginLogSink sink) {
        this.plugin = plugin;
        this.sink = sink;
    }

    /** Starts reading both streams of the process. */
    static PluginOutput follow(String plugin, Process process, PluginLogSink sink) {
        PluginOutput output = new PluginOutput(plugin, sink);
        startDaemon("plugin " + plugin + " stdout", () -> output.readStdout(process.getInputStream()));
        startDaemon("plugin " + plugin + " stderr", () -> output.readStderr(process.getErrorStream()));
        return output;
    }

    /** Completes with the first stdout line, or with null when stdout ends without one. */
    CompletableFuture<String> firstStdoutLine() {
        return firstStdoutLine;
    }

    /** Completes once stderr has been read to its end. */
    CompletableFuture<Void> stderrDone() {
        return stderrDone;
    }

    /** The last lines read from stderr, oldest first. */
    List<String> lastStderrLines() {
        synchronized (lastStderrLines) {
            return List.copyOf(lastStderrLines);
        }
    }

    private static void startDaemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void readStdout(InputStream stdout) {
        try (BufferedReader lines = reader(stdout)) {
            firstStdoutLine.complete(lines.readLine());
            // Later lines are not protocol; go-plugin hosts drain them so the pipe never fills.
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                sink.log(plugin, new HclogRecord(LogLevel.DEBUG, line, Instant.now(), Map.of("stream", "stdout")));
            }
        } catch (IOException closed) {
            // The process is gone; its exit is reported elsewhere.
        } finally {
            firstStdoutLine.complete(null);
        }
    }

    private void readStderr(InputStream stderr) {
        boolean panicking = false;
        try (BufferedReader lines = reader(stderr)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                panicking = panicking || startsPanic(line);
                HclogRecord record = HclogRecord.parse(line, Instant.now());
                if (panicking) {
                    record = record.withLevel(LogLevel.ERROR);
                }
                remember(record.message().equals(line) ? line : "[" + record.level() + "] " + record.message());
                sink.log(plugin, record);
            }
        } catch (IOException closed) {
            // The process is gone; its exit is reported elsewhere.
        } finally {
            stderrDone.complete(null);
        }
    }

    /** A Go panic or a Java crash: everything after it is part of the crash report. */
    private static boolean startsPanic(String line) {
        return line.startsWith("panic: ")
                || line.startsWith("fatal error: ")
                || line.startsWith("Exception in thread ");
    }

    private void remember(String line) {
        synchronized (lastStderrLines) {
            if (lastStderrLines.size() == REMEMBERED_STDERR_LINES) {
                lastStderrLines.removeFirst();
            }
            lastStderrLines.addLast(line);
        }
    }

    private static BufferedReader reader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }
}
