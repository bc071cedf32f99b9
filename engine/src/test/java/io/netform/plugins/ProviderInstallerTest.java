package io.netform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.ProviderSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderInstallerTest {

    static final Platform LINUX = new Platform("linux", "amd64");
    static final ProviderSource TESTING = ProviderSource.parse("netform/testing");
    static final ProviderSource NSXT = ProviderSource.parse("netform/nsxt");
    static final ProviderSource VMWARE_NSXT = ProviderSource.parse("vmware/nsxt");

    @TempDir
    Path dir;

    Path pluginDir;
    Path bundled;
    Path lockFile;

    @BeforeEach
    void directories() {
        pluginDir = dir.resolve("plugin-dir");
        bundled = dir.resolve("bundled");
        lockFile = dir.resolve(DependencyLockFile.FILE_NAME);
    }

    Path install(Path root, ProviderSource source, String version) throws IOException {
        Path platformDir = root.resolve(source.toString()).resolve(version).resolve(LINUX.toString());
        Files.createDirectories(platformDir);
        Path exe = platformDir.resolve("terraform-provider-" + source.type() + "_v" + version);
        Files.writeString(exe, "#!/bin/sh\n# " + source + " " + version + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return platformDir;
    }

    ProviderInstaller installer() {
        return new ProviderInstaller(
                new PluginDirectories(List.of(pluginDir, bundled), LINUX),
                lockFile,
                PluginHashes.rememberedIn(lockFile.resolveSibling(".netform").resolve("plugin_hashes")));
    }

    static Map<ProviderSource, VersionConstraint> requires(ProviderSource source, String constraint) {
        return Map.of(source, VersionConstraint.parse(constraint));
    }

    LockedProvider locked(ProviderSource source) {
        return DependencyLockFile.read(lockFile).value().get(source).orElseThrow();
    }

    @Test
    void initSelectsTheNewestAllowedVersionAndLocksItWithItsHash() throws IOException {
        install(bundled, TESTING, "0.1.0");
        Path v2 = install(bundled, TESTING, "0.2.0");
        install(bundled, TESTING, "1.0.0");

        List<ProviderSelection> selections = installer().install(requires(TESTING, "< 1.0.0"), false);

        assertThat(selections).singleElement().satisfies(s -> {
            assertThat(s.installed().version()).isEqualTo(Version.parse("0.2.0"));
            assertThat(s.locked()).isFalse();
            assertThat(s.substituted()).isFalse();
        });
        assertThat(locked(TESTING))
                .isEqualTo(new LockedProvider(TESTING, Version.parse("0.2.0"), "< 1.0.0", List.of(DirHash.h1(v2)), ""));
        assertThat(installer().locate(TESTING).directory()).isEqualTo(v2);
    }

    @Test
    void aLaterInitKeepsTheLockedVersionWhileTheConstraintsAllowItAndUpgradeMovesOn() throws IOException {
        install(bundled, TESTING, "0.1.0");
        installer().install(requires(TESTING, ">= 0.1.0"), false);
        install(bundled, TESTING, "0.2.0");

        ProviderSelection kept =
                installer().install(requires(TESTING, ">= 0.1.0"), false).get(0);
        assertThat(kept.locked()).isTrue();
        assertThat(kept.installed().version()).isEqualTo(Version.parse("0.1.0"));

        ProviderSelection upgraded =
                installer().install(requires(TESTING, ">= 0.1.0"), true).get(0);
        assertThat(upgraded.locked()).isFalse();
        assertThat(locked(TESTING).version()).isEqualTo(Version.parse("0.2.0"));
    }

    @Test
    void aConstraintThatNoLongerAllowsTheLockedVersionSelectsAgain() throws IOException {
        install(bundled, TESTING, "0.1.0");
        installer().install(requires(TESTING, "~> 0.1.0"), false);
        install(bundled, TESTING, "0.2.0");
        install(bundled, TESTING, "0.3.0");

        assertThatThrownBy(() -> installer().locate(TESTING, VersionConstraint.parse(">= 0.2.0")))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Inconsistent dependency lock file: the lock file selects netform/testing"
                        + " v0.1.0, which does not satisfy the configured constraint \">= 0.2.0\"")
                .hasMessageContaining("run \"netform init\"");

        installer().install(requires(TESTING, ">= 0.2.0, < 0.3.0"), false);
        assertThat(locked(TESTING).version()).isEqualTo(Version.parse("0.2.0"));
        assertThat(locked(TESTING).constraints()).isEqualTo(">= 0.2.0, < 0.3.0");
    }

    @Test
    void nothingMatchingIsAnErrorListingWhatIsInstalledAndTheLockFileIsLeftAlone() throws IOException {
        install(bundled, TESTING, "0.1.0");
        install(bundled, NSXT, "0.1.0");
        installer().install(requires(TESTING, ">= 0.1.0"), false);
        String before = Files.readString(lockFile);

        assertThatThrownBy(() -> installer()
                        .install(
                                Map.of(
                                        TESTING,
                                        VersionConstraint.parse(">= 2.0"),
                                        NSXT,
                                        VersionConstraint.any(),
                                        ProviderSource.parse("netform/missing"),
                                        VersionConstraint.any()),
                                false))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("No plugin for the provider netform/missing is installed in any of " + pluginDir
                        + ", " + bundled)
                .hasMessageContaining("No installed version of the provider netform/testing satisfies the"
                        + " constraint \">= 2.0\"; installed: 0.1.0");
        assertThat(Files.readString(lockFile)).isEqualTo(before);
    }

    @Test
    void aPluginWhoseFilesChangedIsRefusedUntilInitUpgradeRecordsIt() throws IOException {
        Path plugin = install(bundled, TESTING, "0.1.0");
        installer().install(requires(TESTING, ""), false);
        String recorded = locked(TESTING).hashes().get(0);
        Files.writeString(plugin.resolve("provider.jar"), "rebuilt");
        String actual = DirHash.h1(plugin);

        assertThatThrownBy(() -> installer().locate(TESTING))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("The plugin of netform/testing v0.1.0 in " + plugin)
                .hasMessageContaining("its files hash to " + actual + ", but the lock file expects " + recorded)
                .hasMessageContaining("Netform refuses to start it")
                .hasMessageContaining("run \"netform init -upgrade\"");
        assertThatThrownBy(() -> installer().install(requires(TESTING, ""), false))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("its files hash to " + actual);

        installer().install(requires(TESTING, ""), true);
        assertThat(locked(TESTING).hashes()).containsExactly(actual);
        assertThat(installer().locate(TESTING).directory()).isEqualTo(plugin);
    }

    @Test
    void aProviderMissingFromTheLockFileIsAnInconsistentLockFile() throws IOException {
        install(bundled, TESTING, "0.1.0");
        install(bundled, NSXT, "0.1.0");

        assertThatThrownBy(() -> installer().locate(TESTING))
                .as("no lock file at all")
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Inconsistent dependency lock file: the provider netform/testing is required"
                        + " by the configuration but has no entry in the lock file.");

        installer().install(requires(TESTING, ""), false);
        assertThatThrownBy(() -> installer().locate(NSXT))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Inconsistent dependency lock file: the provider netform/nsxt")
                .hasMessageContaining("run \"netform init\"");
    }

    @Test
    void aLockedVersionThatWasUninstalledIsAnError() throws IOException {
        Path plugin = install(bundled, TESTING, "0.1.0");
        installer().install(requires(TESTING, ""), false);
        Files.walk(plugin.getParent())
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());

        assertThatThrownBy(() -> installer().locate(TESTING))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("selects netform/testing v0.1.0, which is not installed in any of");
    }

    @Test
    void vmwareNsxtIsServedByTheBundledNetformNsxtAndTheLockFileSaysSo() throws IOException {
        Path bundledNsxt = install(bundled, NSXT, "0.1.0");

        ProviderSelection selection =
                installer().install(requires(VMWARE_NSXT, "~> 3.4"), false).get(0);

        assertThat(selection.required()).isEqualTo(VMWARE_NSXT);
        assertThat(selection.installed().source()).isEqualTo(NSXT);
        assertThat(selection.substituted()).isTrue();
        assertThat(Files.readString(lockFile)).contains("""
                # Stands in for vmware/nsxt: no plugin for vmware/nsxt is installed; its constraint "~> 3.4" does\
                 not apply to netform/nsxt.
                provider "registry.terraform.io/netform/nsxt" {
                  version = "0.1.0"
                """).doesNotContain("provider \"registry.terraform.io/vmware");
        assertThat(installer()
                        .locate(VMWARE_NSXT, VersionConstraint.parse("~> 3.4"))
                        .directory())
                .isEqualTo(bundledNsxt);
    }

    @Test
    void aRealVmwareNsxtPluginIsUsedWhenInstalled() throws IOException {
        install(bundled, NSXT, "0.1.0");
        Path theirs = install(pluginDir, VMWARE_NSXT, "3.4.0");

        ProviderSelection selection =
                installer().install(requires(VMWARE_NSXT, "~> 3.4"), false).get(0);

        assertThat(selection.substituted()).isFalse();
        assertThat(locked(VMWARE_NSXT).version()).isEqualTo(Version.parse("3.4.0"));
        assertThat(installer().locate(VMWARE_NSXT).directory()).isEqualTo(theirs);
    }

    @Test
    void hashicorpKubernetesAndNetformKubernetesTogetherShareOneEntry() throws IOException {
        ProviderSource kubernetes = ProviderSource.parse("netform/kubernetes");
        ProviderSource hashicorp = ProviderSource.parse("hashicorp/kubernetes");
        install(bundled, kubernetes, "0.1.0");

        List<ProviderSelection> selections = installer()
                .install(
                        Map.of(
                                hashicorp, VersionConstraint.parse(">= 2.0"),
                                kubernetes, VersionConstraint.parse(">= 0.1")),
                        false);

        assertThat(selections)
                .extracting(s ->
                        s.required().display() + " -> " + s.installed().source().display())
                .containsExactly(
                        "hashicorp/kubernetes -> netform/kubernetes", "netform/kubernetes -> netform/kubernetes");
        assertThat(DependencyLockFile.read(lockFile).value().providers())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.constraints()).isEqualTo(">= 0.1");
                    assertThat(entry.comment()).startsWith("Stands in for hashicorp/kubernetes");
                });
    }

    @Test
    void anUnreadableLockFileIsAnErrorNamingThePlace() throws IOException {
        install(bundled, TESTING, "0.1.0");
        Files.writeString(lockFile, "provider \"netform/testing\" {\n  hashes = []\n}\n");

        assertThatThrownBy(() -> installer().locate(TESTING))
                .isInstanceOf(ProviderException.class)
                .hasMessage("The dependency lock file cannot be read:\n  " + lockFile + ":1:1: Missing version: The"
                        + " entry for registry.terraform.io/netform/testing records no version; run \"netform init\""
                        + " to select one.\nFix or delete it, then run \"netform init\".");
    }
}
