package io.netform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.ProviderSource;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyLockFileTest {

    static final LockedProvider TESTING = new LockedProvider(
            ProviderSource.parse("netform/testing"),
            Version.parse("0.1.0"),
            ">= 0.1.0",
            List.of("h1:bbb=", "h1:aaa="),
            "");
    static final LockedProvider NSXT = new LockedProvider(
            ProviderSource.parse("netform/nsxt"),
            Version.parse("0.2.0"),
            "",
            List.of("h1:ccc="),
            "Stands in for vmware/nsxt: no plugin for vmware/nsxt" + " is installed.");

    @TempDir
    Path dir;

    @Test
    void rendersTerraformsLayoutSortedByAddress() {
        assertThat(DependencyLockFile.render(DependencyLock.of(List.of(TESTING, NSXT))))
                .isEqualTo("""
                # This file is maintained automatically by "netform init".
                # Manual edits may be lost in future updates.

                # Stands in for vmware/nsxt: no plugin for vmware/nsxt is installed.
                provider "registry.terraform.io/netform/nsxt" {
                  version = "0.2.0"
                  hashes = [
                    "h1:ccc=",
                  ]
                }

                provider "registry.terraform.io/netform/testing" {
                  version     = "0.1.0"
                  constraints = ">= 0.1.0"
                  hashes = [
                    "h1:aaa=",
                    "h1:bbb=",
                  ]
                }
                """);
    }

    @Test
    void writtenAndReadBackItIsTheSameLockIncludingComments() {
        Path file = dir.resolve(DependencyLockFile.FILE_NAME);
        DependencyLock lock = DependencyLock.of(List.of(TESTING, NSXT));
        DependencyLockFile.write(file, lock);

        ParseResult<DependencyLock> read = DependencyLockFile.read(file);

        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.value()).isEqualTo(lock);
        assertThat(read.value()
                        .get(ProviderSource.parse("netform/nsxt"))
                        .orElseThrow()
                        .comment())
                .isEqualTo(NSXT.comment());
    }

    @Test
    void readsAHandWrittenFileWithOtherCommentsAndAFullHost() {
        ParseResult<DependencyLock> read = DependencyLockFile.parse("lock.hcl", """
                # header
                provider "example.com/acme/dns" {
                  # the version we trust
                  version = "1.2.3-beta1"
                  hashes  = ["h1:x="]
                }
                """);
        assertThat(read.diagnostics()).isEmpty();
        LockedProvider dns = read.value()
                .get(new ProviderSource("example.com", "acme", "dns"))
                .orElseThrow();
        assertThat(dns.version()).isEqualTo(Version.parse("1.2.3-beta1"));
        assertThat(dns.constraints()).isEmpty();
        assertThat(dns.hashes()).containsExactly("h1:x=");
        assertThat(dns.comment()).isEqualTo("header");
    }

    @Test
    void aMissingFileIsAnEmptyLock() {
        ParseResult<DependencyLock> read = DependencyLockFile.read(dir.resolve("absent.hcl"));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.value().providers()).isEmpty();
    }

    @Test
    void writingTheSameLockAgainLeavesTheFileAlone() throws IOException {
        Path file = dir.resolve(DependencyLockFile.FILE_NAME);
        DependencyLockFile.write(file, DependencyLock.of(List.of(TESTING)));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        DependencyLockFile.write(file, DependencyLock.of(List.of(TESTING)));
        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void problemsAreDiagnosticsNamingTheirPlace() {
        ParseResult<DependencyLock> read = DependencyLockFile.parse("lock.hcl", """
                provider "registry.terraform.io/netform/testing" {
                  version = var.v
                  hashes  = "h1:x="
                  colour  = "blue"
                }
                provider "netform/nsxt" {
                  hashes = []
                }
                module "x" {}
                """);
        assertThat(read.diagnostics())
                .extracting(d -> d.subject() + ": " + d.summary())
                .containsExactly(
                        "lock.hcl:2:13: Invalid version",
                        "lock.hcl:3:13: Invalid hashes",
                        "lock.hcl:4:3: Unsupported argument",
                        "lock.hcl:1:1: Missing version",
                        "lock.hcl:6:1: Missing version",
                        "lock.hcl:9:1: Unsupported block");
        assertThat(read.diagnostics()).allMatch(Diagnostic::isError);
        assertThat(read.value().providers()).isEmpty();
    }
}
