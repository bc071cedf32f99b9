package io.netform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.ProviderSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoriesTest {

    static final Platform LINUX = new Platform("linux", "amd64");
    static final ProviderSource NSXT = ProviderSource.parse("netform/nsxt");

    @TempDir
    Path dir;

    Path install(Path root, String version, String platform, String content) throws IOException {
        Path platformDir = root.resolve("registry.terraform.io/netform/nsxt")
                .resolve(version)
                .resolve(platform);
        Files.createDirectories(platformDir);
        Path exe = platformDir.resolve("terraform-provider-nsxt_v" + version);
        Files.writeString(exe, content);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    @Test
    void picksTheNewestVersionTheConstraintAllows() throws IOException {
        Path first = dir.resolve("plugin-dir");
        Path second = dir.resolve("bundled");
        install(first, "1.2.0", "linux_amd64", "a");
        install(second, "1.3.5", "linux_amd64", "b");
        install(second, "2.0.0", "linux_amd64", "c");
        install(second, "1.9.0", "darwin_arm64", "d");
        PluginDirectories dirs = new PluginDirectories(List.of(first, second), LINUX);

        assertThat(dirs.versions(NSXT))
                .extracting(p -> p.version().toString())
                .containsExactly("2.0.0", "1.3.5", "1.2.0");
        assertThat(dirs.newest(NSXT, VersionConstraint.parse("~> 1.2"))
                        .orElseThrow()
                        .version())
                .isEqualTo(Version.parse("1.3.5"));
        assertThat(dirs.newest(NSXT, VersionConstraint.parse("~> 1.2.0"))
                        .orElseThrow()
                        .version())
                .isEqualTo(Version.parse("1.2.0"));
        assertThat(dirs.newest(NSXT, VersionConstraint.parse(">= 3"))).isEmpty();
        assertThat(dirs.newest(ProviderSource.parse("netform/other"), VersionConstraint.any()))
                .isEmpty();
    }

    @Test
    void anEarlierDirectoryWinsForTheSameVersion() throws IOException {
        Path first = dir.resolve("plugin-dir");
        Path second = dir.resolve("bundled");
        Path mine = install(first, "1.0.0", "linux_amd64", "mine");
        install(second, "1.0.0", "linux_amd64", "theirs");
        var found = new PluginDirectories(List.of(first, second), LINUX).exact(NSXT, Version.parse("1.0.0"));
        assertThat(found.orElseThrow().executable()).isEqualTo(mine);
    }

    @Test
    void theHashCoversEveryFileOfThePlugin() throws IOException {
        Path exe = install(dir, "1.0.0", "linux_amd64", "v1");
        Path pluginDir = exe.getParent();
        String before = DirHash.h1(pluginDir);
        assertThat(before).startsWith("h1:").hasSize(3 + 44);
        assertThat(DirHash.h1(pluginDir)).isEqualTo(before);
        Files.writeString(pluginDir.resolve("lib.jar"), "x");
        String withLib = DirHash.h1(pluginDir);
        assertThat(withLib).isNotEqualTo(before);
        Files.writeString(exe, "v2");
        assertThat(DirHash.h1(pluginDir)).isNotEqualTo(withLib);
    }

    @Test
    void constraintsFollowTerraform() {
        assertThat(VersionConstraint.parse("1.2.3").allows(Version.parse("1.2.3")))
                .isTrue();
        assertThat(VersionConstraint.parse("!= 1.2.3").allows(Version.parse("1.2.3")))
                .isFalse();
        assertThat(VersionConstraint.parse(">= 1.0, < 2.0").allows(Version.parse("1.99.0")))
                .isTrue();
        assertThat(VersionConstraint.parse(">= 1.0, < 2.0").allows(Version.parse("2.0.0")))
                .isFalse();
        assertThat(VersionConstraint.parse("> 1.0").allows(Version.parse("1.0.0")))
                .isFalse();
        assertThat(VersionConstraint.parse("<= 1.0").allows(Version.parse("1.0.0")))
                .isTrue();
        assertThat(VersionConstraint.parse("~> 1").allows(Version.parse("7.0.0")))
                .isTrue();
        assertThat(VersionConstraint.parse("~> 1.2").allows(Version.parse("2.0.0")))
                .isFalse();
        assertThat(VersionConstraint.parse("~> 1.2.3").allows(Version.parse("1.3.0")))
                .isFalse();
        assertThat(VersionConstraint.parse(">= 1.0").allows(Version.parse("1.5.0-beta1")))
                .isFalse();
        assertThat(VersionConstraint.parse("= 1.5.0-beta1").allows(Version.parse("1.5.0-beta1")))
                .isTrue();
        assertThat(Version.parse("1.5.0-beta1")).isLessThan(Version.parse("1.5.0"));
        assertThat(VersionConstraint.parse(">= 1")
                        .and(VersionConstraint.parse("< 2"))
                        .toString())
                .isEqualTo(">= 1, < 2");
        assertThatThrownBy(() -> VersionConstraint.parse(">= banana"))
                .hasMessageContaining("invalid version constraint \">= banana\"");
        assertThatThrownBy(() -> VersionConstraint.parse("=> 1.0")).hasMessageContaining("=> 1.0");
    }
}
