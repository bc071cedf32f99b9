package io.netform.state.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pg backend's settings and connection, read as Terraform's pg backend and lib/pq read them. */
class PgSettingsTest {

    @Test
    void aUrlGivesHostPortDatabaseUserPasswordAndSslmode() {
        PgSettings s = PgSettings.of(
                Map.of("conn_str", "postgres://ops:p%40ss@db.example.com:6432/state?sslmode=verify-full"), Map.of());
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com:6432/state");
        assertThat(s.connection())
                .containsEntry("user", "ops")
                .containsEntry("password", "p@ss")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("ApplicationName", "netform");
        assertThat(s.schema()).isEqualTo("terraform_remote_state");
        assertThat(s.describe()).doesNotContain("p@ss");
    }

    @Test
    void libpqVariablesFillWhatTheConnectionStringLeavesOutAndSslIsRequiredByDefault() {
        PgSettings s = PgSettings.of(
                Map.of("conn_str", "postgres://db.example.com/state"),
                Map.of("PGUSER", "ci", "PGPASSWORD", "secret", "PGPORT", "5433", "PGHOST", "ignored"));
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com:5433/state");
        assertThat(s.connection())
                .containsEntry("user", "ci")
                .containsEntry("password", "secret")
                .containsEntry("sslmode", "require");
    }

    @Test
    void theWholeConfigurationCanComeFromTheEnvironment() {
        PgSettings s = PgSettings.of(
                Map.of(),
                Map.of(
                        "PG_CONN_STR",
                        "host=10.0.0.5 port=5432 dbname='tf state' user=tf sslmode=disable",
                        "PG_SCHEMA_NAME",
                        "platform",
                        "PG_SKIP_INDEX_CREATION",
                        "true"));
        assertThat(s.url()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/tf%20state");
        assertThat(s.connection()).containsEntry("user", "tf").containsEntry("sslmode", "disable");
        assertThat(s.schema()).isEqualTo("platform");
        assertThat(s.skipIndexCreation()).isTrue();
        assertThat(s.skipTableCreation()).isFalse();
    }

    @Test
    void whatItCannotUseIsAnError() {
        assertThatThrownBy(
                        () -> PgSettings.of(Map.of("conn_str", "postgres://h/db?target_session_attrs=any"), Map.of()))
                .hasMessageContaining("\"target_session_attrs\" is not supported");
        assertThatThrownBy(() -> PgSettings.of(Map.of("conn_str", "host=/var/run/postgresql"), Map.of()))
                .hasMessageContaining("Unix-domain socket");
        assertThatThrownBy(() -> PgSettings.of(Map.of("skip_table_creation", "maybe"), Map.of()))
                .hasMessageContaining("skip_table_creation must be true or false");
    }
}
