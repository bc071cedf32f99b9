package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State and plan encryption (OpenTofu's encryption block) through the CLI: what is stored, what a
 * wrong key does, key rotation and migration through a fallback, enforcement, saved plans, state
 * pull and push. The configurations have only outputs, so no provider is needed.
 */
class StateEncryptionTest {

    private static final String PASSPHRASE = "correct-horse-battery-staple";
    private static final String OTHER_PASSPHRASE = "another-long-passphrase-42";
    private static final String SECRET = "s3cr3t-value";
    private static final Map<String, String> KEY = Map.of("TF_VAR_passphrase", PASSPHRASE);
    private static final Map<String, String> WRONG_KEY = Map.of("TF_VAR_passphrase", OTHER_PASSPHRASE);

    @TempDir
    Path dir;

    @Test
    void theStateIsStoredEncryptedAndReadBackWithTheKey() throws IOException {
        configure(encrypted("main", "value"));

        CliRun apply = CliRun.run(dir, KEY, "apply", "-auto-approve", "-no-color");

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String stored = stateText();
        assertThat(stored)
                .contains("\"encrypted_data\"", "\"encryption_version\":\"v0\"", "\"key_provider.pbkdf2.main\"")
                .contains("\"serial\":1", "\"lineage\"")
                .doesNotContain(SECRET);
        CliRun output = CliRun.run(dir, KEY, "output", "-raw", "secret");
        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).isEqualTo(SECRET + "-value");
        CliRun pull = CliRun.run(dir, KEY, "state", "pull");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("\"version\": 4", SECRET).doesNotContain("encrypted_data");
        CliRun again = CliRun.run(dir, KEY, "plan", "-no-color", "-detailed-exitcode");
        assertThat(again.exitCode()).as(again.err() + again.out()).isZero();
        assertThat(again.out()).contains("No changes");
    }

    @Test
    void aWrongKeyIsAClearErrorAndTheStateStaysIntact() throws IOException {
        configure(encrypted("main", "value"));
        assertThat(CliRun.run(dir, KEY, "apply", "-auto-approve").exitCode()).isZero();
        byte[] before = Files.readAllBytes(state());
        configure(encrypted("main", "changed"));

        CliRun apply = CliRun.run(dir, WRONG_KEY, "apply", "-auto-approve", "-no-color");

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err())
                .contains("terraform.tfstate", "decryption of the state failed", "passphrase is wrong")
                .contains("Nothing was changed")
                .doesNotContain(OTHER_PASSPHRASE, PASSPHRASE);
        assertThat(Files.readAllBytes(state())).isEqualTo(before);
        CliRun pull = CliRun.run(dir, WRONG_KEY, "state", "pull");
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.out()).isEmpty();
        assertThat(pull.err()).contains("decryption of the state failed");
        assertThat(Files.readAllBytes(state())).isEqualTo(before);
    }

    @Test
    void aKeyIsRotatedThroughAFallback() throws IOException {
        configure(encrypted("old", "value"));
        assertThat(CliRun.run(dir, KEY, "apply", "-auto-approve").exitCode()).isZero();
        Map<String, String> both = Map.of("TF_VAR_passphrase", OTHER_PASSPHRASE, "TF_VAR_old_passphrase", PASSPHRASE);
        configure("""
                variable "passphrase" {
                  type      = string
                  sensitive = true
                }
                variable "old_passphrase" {
                  type      = string
                  sensitive = true
                }
                terraform {
                  encryption {
                    key_provider "pbkdf2" "old" {
                      passphrase = var.old_passphrase
                      iterations = 200000
                    }
                    key_provider "pbkdf2" "new" {
                      passphrase = var.passphrase
                      iterations = 200000
                    }
                    method "aes_gcm" "old" {
                      keys = key_provider.pbkdf2.old
                    }
                    method "aes_gcm" "new" {
                      keys = key_provider.pbkdf2.new
                    }
                    state {
                      method = method.aes_gcm.new
                      fallback {
                        method = method.aes_gcm.old
                      }
                    }
                  }
                }
                """ + outputs("rotated"));

        CliRun rotate = CliRun.run(dir, both, "apply", "-auto-approve", "-no-color");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(stateText()).contains("key_provider.pbkdf2.new").doesNotContain("key_provider.pbkdf2.old");
        configure(encrypted("new", "rotated"));
        CliRun withNew = CliRun.run(dir, WRONG_KEY, "output", "-raw", "secret");
        assertThat(withNew.exitCode()).as(withNew.err()).isZero();
        assertThat(withNew.out()).isEqualTo(SECRET + "-rotated");
        configure(encrypted("old", "rotated"));
        CliRun withOld = CliRun.run(dir, KEY, "output", "-raw", "secret");
        assertThat(withOld.exitCode()).isEqualTo(1);
        assertThat(withOld.err()).contains("decryption of the state failed");
    }

    @Test
    void anUnencryptedStateIsMigratedThroughAnUnencryptedFallback() throws IOException {
        configure(outputs("value"));
        assertThat(CliRun.run(dir, Map.of(), "apply", "-auto-approve").exitCode())
                .isZero();
        byte[] clear = Files.readAllBytes(state());
        assertThat(new String(clear, StandardCharsets.UTF_8)).contains(SECRET);

        configure(encrypted("main", "value"));
        CliRun refused = CliRun.run(dir, KEY, "plan", "-no-color");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the state is not encrypted", "method.unencrypted");
        assertThat(Files.readAllBytes(state())).isEqualTo(clear);

        configure(encrypted("main", "value")
                .replace(
                        "    state {\n      method = method.aes_gcm.main\n    }",
                        "    method \"unencrypted\" \"migrate\" {}\n    state {\n      method = method.aes_gcm.main\n"
                                + "      fallback {\n        method = method.unencrypted.migrate\n      }\n    }"));
        CliRun pull = CliRun.run(dir, KEY, "state", "pull");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).contains(SECRET);
        // Nothing to change, and still the state is written again, encrypted, with the same serial.
        CliRun migrate = CliRun.run(dir, KEY, "refresh", "-no-color");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(stateText()).contains("encrypted_data", "\"serial\":1").doesNotContain(SECRET);

        configure(encrypted("main", "value"));
        CliRun after = CliRun.run(dir, KEY, "output", "-raw", "secret");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).isEqualTo(SECRET + "-value");
    }

    @Test
    void enforcedEncryptionRefusesAConfigurationThatWouldWriteInClear() throws IOException {
        configure("""
                terraform {
                  encryption {
                    state {
                      enforced = true
                    }
                  }
                }
                """ + outputs("value"));

        CliRun refused = CliRun.run(dir, Map.of(), "apply", "-auto-approve", "-no-color");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("main.tf:4:", "enforced");
        assertThat(state()).doesNotExist();
        // The method may come from the environment, as OpenTofu's TF_ENCRYPTION.
        String fromEnvironment = """
                key_provider "pbkdf2" "env" {
                  passphrase = "%s"
                  iterations = 200000
                }
                method "aes_gcm" "env" {
                  keys = key_provider.pbkdf2.env
                }
                state {
                  method = method.aes_gcm.env
                }
                """.formatted(PASSPHRASE);
        CliRun apply = CliRun.run(dir, Map.of("TF_ENCRYPTION", fromEnvironment), "apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(stateText()).contains("key_provider.pbkdf2.env").doesNotContain(SECRET);
    }

    @Test
    void aSavedPlanIsEncryptedAndAppliedWithTheKey() throws IOException {
        configure(encrypted("main", "value"));

        CliRun plan = CliRun.run(dir, KEY, "plan", "-out=tfplan", "-no-color");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        String stored = Files.readString(dir.resolve("tfplan"), StandardCharsets.ISO_8859_1);
        assertThat(stored).startsWith("{").contains("\"encrypted_data\"").doesNotContain(SECRET, "lineage");
        CliRun show = CliRun.run(dir, KEY, "show", "-no-color", "tfplan");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("secret").contains(SECRET);
        CliRun wrong = CliRun.run(dir, WRONG_KEY, "apply", "-no-color", "tfplan");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("tfplan", "decryption of the plan failed");
        CliRun apply = CliRun.run(dir, KEY, "apply", "-no-color", "tfplan");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(stateText()).contains("encrypted_data").doesNotContain(SECRET);
    }

    @Test
    void statePullAndPushKeepTheStateEncrypted() throws IOException {
        configure(encrypted("main", "value"));
        assertThat(CliRun.run(dir, KEY, "apply", "-auto-approve").exitCode()).isZero();
        String pulled = CliRun.run(dir, KEY, "state", "pull").out();
        Files.writeString(
                dir.resolve("edited.tfstate"),
                pulled.replace("\"serial\": 1", "\"serial\": 2").replace(SECRET + "-value", "pushed"));

        CliRun push = CliRun.run(dir, KEY, "state", "push", "edited.tfstate");

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(stateText()).contains("encrypted_data").doesNotContain("pushed");
        assertThat(CliRun.run(dir, KEY, "output", "-raw", "secret").out()).isEqualTo("pushed");
    }

    @Test
    void theEncryptionBlockTakesOnlyVariablesAndRejectsShortPassphrases() throws IOException {
        configure(encrypted("main", "value").replace("passphrase = var.passphrase", "passphrase = \"too-short\""));
        CliRun shortOne = CliRun.run(dir, KEY, "plan", "-no-color");
        assertThat(shortOne.exitCode()).isEqualTo(1);
        assertThat(shortOne.err())
                .contains("main.tf:7:", "passphrase is too short (minimum 16 characters)")
                .doesNotContain("\"too-short\"");

        configure(encrypted("main", "value").replace("passphrase = var.passphrase", "passphrase = output.x"));
        CliRun reference = CliRun.run(dir, KEY, "plan", "-no-color");
        assertThat(reference.exitCode()).isEqualTo(1);
        assertThat(reference.err()).contains("main.tf:8:20", "var.NAME");

        configure(encrypted("main", "value").replace("\"pbkdf2\" \"main\"", "\"aws_kms\" \"main\""));
        CliRun kms = CliRun.run(dir, KEY, "plan", "-no-color");
        assertThat(kms.exitCode()).isEqualTo(1);
        assertThat(kms.err()).contains("main.tf:7:", "key_provider \"pbkdf2\" only");

        configure(encrypted("main", "value"));
        CliRun missing = CliRun.run(dir, Map.of(), "state", "list");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("var.passphrase", "TF_VAR_passphrase");
    }

    @Test
    void aPassphraseMayComeFromALocalValueMadeOfVariablesButNotFromAResource() throws IOException {
        String viaLocal =
                encrypted("main", "value").replace("passphrase = var.passphrase", "passphrase = local.passphrase")
                        + "locals {\n  passphrase = \"${var.passphrase}-suffix\"\n}\n";
        configure(viaLocal);
        assertThat(CliRun.run(dir, KEY, "apply", "-auto-approve").exitCode()).isZero();
        assertThat(stateText()).contains("encrypted_data");
        assertThat(CliRun.run(dir, KEY, "output", "-raw", "secret").out()).isEqualTo(SECRET + "-value");

        configure(viaLocal.replace("\"${var.passphrase}-suffix\"", "terraform_data.x.output"));
        CliRun resource = CliRun.run(dir, KEY, "output", "secret");
        assertThat(resource.exitCode()).isEqualTo(1);
        assertThat(resource.err()).contains("main.tf:26:16", "Invalid reference in the encryption configuration");
    }

    private void configure(String text) throws IOException {
        Files.writeString(dir.resolve("main.tf"), text);
    }

    private Path state() {
        return dir.resolve("terraform.tfstate");
    }

    private String stateText() throws IOException {
        return Files.readString(state());
    }

    /** A configuration whose state and plans are encrypted with key provider {@code name}'s passphrase. */
    private static String encrypted(String name, String suffix) {
        return """
                variable "passphrase" {
                  type      = string
                  sensitive = true
                }
                terraform {
                  encryption {
                    key_provider "pbkdf2" "NAME" {
                      passphrase = var.passphrase
                      iterations = 200000
                    }
                    method "aes_gcm" "NAME" {
                      keys = key_provider.pbkdf2.NAME
                    }
                    state {
                      method = method.aes_gcm.NAME
                    }
                    plan {
                      method = method.aes_gcm.NAME
                    }
                  }
                }
                """.replace("NAME", name) + outputs(suffix);
    }

    private static String outputs(String suffix) {
        return """
                output "secret" {
                  value = "%s-%s"
                }
                """.formatted(SECRET, suffix);
    }
}
