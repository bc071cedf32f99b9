package io.netform.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints the pg backend's figures for issue 20: an apply of 1,000 {@code testing_object} instances with
 * the pg backend against the same apply with local state (wall time, median of rounds that alternate
 * the two), and the bytes the pg apply made PostgreSQL write (WAL, from {@code pg_current_wal_lsn} before
 * and after) against the final state's size. The server is a real one from Debian's package, with
 * fsync on, as {@link PostgresServer} starts it for benchmarks.
 *
 * <p>Run from the repository root after {@code mvn -B -q -DskipTests package -pl dist -am}:
 * {@code java -cp "dist/target/test-classes:dist/target/netform/lib/*" io.netform.dist.PgBenchmark [INSTANCES ROUNDS]}.
 */
public final class PgBenchmark {

    private PgBenchmark() {}

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path netform = Path.of(System.getProperty("netform.home", "dist/target/netform"))
                .resolve("bin/netform")
                .toAbsolutePath();
        PostgresServer server = PostgresServer.start(false);
        try {
            List<Long> local = new ArrayList<>();
            List<Long> pg = new ArrayList<>();
            long walBytes = 0;
            long stateBytes = 0;
            for (int round = 0; round < rounds; round++) {
                local.add(apply(netform, instances, null).millis);
                PostgresServer.Database db = server.newDatabase();
                String connStr = db.connStr();
                String database = db.name();
                try (Connection c = server.connect(database)) {
                    Path dir = prepare(netform, instances, connStr);
                    long before = walLsn(c);
                    long started = System.nanoTime();
                    run(netform, dir, "apply", "-auto-approve");
                    pg.add((System.nanoTime() - started) / 1_000_000);
                    walBytes = walLsn(c) - before;
                    stateBytes = stateSize(c);
                    delete(dir);
                }
            }
            long localMedian = median(local);
            long pgMedian = median(pg);
            System.out.printf("apply of %d instances, median of %d rounds%n", instances, rounds);
            System.out.printf("  local state: %d ms %s%n", localMedian, local);
            System.out.printf("  pg backend:  %d ms %s%n", pgMedian, pg);
            System.out.printf("  wall-time ratio pg/local: %.2f (goal <= 1.2)%n", (double) pgMedian / localMedian);
            System.out.printf(
                    "  PostgreSQL WAL written by the pg apply: %d bytes; final state: %d bytes; ratio %.2f (goal <= 3)%n",
                    walBytes, stateBytes, (double) walBytes / stateBytes);
        } finally {
            server.stop();
        }
    }

    private record Timed(long millis) {}

    /** A timed apply in a fresh directory, with local state ({@code connStr} null) or the pg backend. */
    private static Timed apply(Path netform, int instances, String connStr) throws Exception {
        Path dir = prepare(netform, instances, connStr);
        long started = System.nanoTime();
        run(netform, dir, "apply", "-auto-approve");
        long millis = (System.nanoTime() - started) / 1_000_000;
        delete(dir);
        return new Timed(millis);
    }

    private static Path prepare(Path netform, int instances, String connStr) throws Exception {
        Path dir = Files.createTempDirectory("netform-pg-bench");
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  required_providers {
                    testing = { source = "netform/testing" }
                  }
                  %s
                }
                resource "testing_object" "many" {
                  count = %d
                  name  = "obj-${count.index}"
                }
                """.formatted(connStr == null ? "" : "backend \"pg\" {}", instances));
        if (connStr == null) {
            run(netform, dir, "init");
        } else {
            run(netform, dir, "init", "-backend-config=conn_str=" + connStr);
        }
        return dir;
    }

    private static void run(Path netform, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(netform.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        pb.environment().put("NETFORM_TESTING_STORE", dir.resolve("cloud.json").toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    "netform " + String.join(" ", args) + " failed:\n" + Files.readString(dir.resolve("output.txt")));
        }
    }

    private static long walLsn(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long stateSize(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT octet_length(data) FROM terraform_remote_state.states WHERE name = 'default'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
