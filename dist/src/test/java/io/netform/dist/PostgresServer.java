package io.netform.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL server for the tests, from Debian's {@code postgresql} package ({@code .ci/install-postgres}):
 * one per JVM, in a temporary data directory, on a free TCP port of 127.0.0.1, run as the {@code postgres}
 * user when the tests run as root (initdb and postgres refuse root), stopped when the JVM exits. Each test
 * takes a database of its own from {@link #newDatabase}.
 */
final class PostgresServer {

    private static PostgresServer shared;

    private final Path bin;
    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(true);
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return shared;
    }

    /**
     * Starts a server; {@code forTests} turns off fsync, which only a crash of the machine would need (the
     * benchmark keeps it on, as a real server has it).
     */
    static PostgresServer start(boolean forTests) throws IOException, InterruptedException {
        Path bin = binaries();
        Path data = Files.createTempDirectory("netform-pg");
        if (root()) {
            exec(List.of("chown", "postgres:postgres", data.toString()));
        }
        run(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.resolve("db").toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync"));
        // A port found free may be taken (by the other test JVM, or as the local port of any connection)
        // before the server binds it: then the server starts again on another one.
        Path log = data.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            PostgresServer server = new PostgresServer(bin, data, freePort());
            Files.deleteIfExists(log);
            try {
                run(List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.resolve("db").toString(),
                        "-l",
                        log.toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-p " + server.port + " -k " + data + " -c listen_addresses=127.0.0.1"
                                + (forTests ? " -c fsync=off -c synchronous_commit=on" : ""),
                        "start"));
                return server;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !(Files.exists(log) && Files.readString(log).contains("could not bind"))) {
                    throw e;
                }
            }
        }
    }

    /** A new, empty database, with its lib/pq connection string as a pg backend's conn_str takes it. */
    Database newDatabase() throws SQLException {
        String name = "netform_" + databases.incrementAndGet();
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Database(name, connStr(name));
    }

    /** A database of the server: its name, and the conn_str a backend block gives for it. */
    record Database(String name, String connStr) {}

    /** The conn_str of database {@code name}. */
    String connStr(String name) {
        return "postgres://postgres@127.0.0.1:" + port + "/" + name + "?sslmode=disable";
    }

    /** A connection to database {@code name}, for a test's own queries. */
    Connection connect(String name) throws SQLException {
        Properties p = new Properties();
        p.put("user", "postgres");
        p.put("ApplicationName", "netform-test");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name, p);
    }

    /**
     * Creates the pg backend's journal table in {@code database} before Netform does, with a trigger that
     * notifies each row, so that {@link #awaitJournalRows} is woken by the database rather than polling.
     */
    void watchJournal(String database) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS terraform_remote_state");
            s.execute("CREATE TABLE IF NOT EXISTS terraform_remote_state.netform_journal (name text NOT NULL,"
                    + " seq bigint NOT NULL, line text NOT NULL, PRIMARY KEY (name, seq))");
            s.execute("CREATE OR REPLACE FUNCTION public.notify_journal() RETURNS trigger AS"
                    + " $$ BEGIN PERFORM pg_notify('netform_journal', NEW.seq::text); RETURN NEW; END $$"
                    + " LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER notify_journal AFTER INSERT ON terraform_remote_state.netform_journal"
                    + " FOR EACH ROW EXECUTE FUNCTION public.notify_journal()");
        }
    }

    /**
     * Returns once the journal of {@code database} (see {@link #watchJournal}) holds {@code rows} rows,
     * {@code running} turns false, or {@code timeout} passed.
     */
    void awaitJournalRows(String database, int rows, Duration timeout, BooleanSupplier running) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection c = connect(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN netform_journal");
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            while (journalRows(c) < rows
                    && running.getAsBoolean()
                    && Instant.now().isBefore(deadline)) {
                // the bound covers a row committed between the count and the wait
                pg.getNotifications(200);
            }
        }
    }

    private static long journalRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM terraform_remote_state.netform_journal")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** Stops the server at once and removes its data. */
    void stop() {
        try {
            run(List.of(
                    bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate", "stop"));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // Stopping is best effort; the data directory goes either way.
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory; the system cleans it eventually.
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparingInt(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException(
                            "no PostgreSQL server under /usr/lib/postgresql; " + "run .ci/install-postgres"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
