package io.netform.dist;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test's own database on the shared PostgreSQL server, and its own working directory. */
abstract class PgDatabaseFixture {

    @TempDir
    Path dir;

    PostgresServer server;
    String connStr;
    String database;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.shared();
        PostgresServer.Database db = server.newDatabase();
        connStr = db.connStr();
        database = db.name();
    }
}
