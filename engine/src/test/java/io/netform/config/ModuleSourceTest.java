package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleSourceTest {

    static ModuleSource parse(String raw) {
        try {
            return ModuleSource.parse(raw);
        } catch (ModuleSource.Invalid e) {
            throw new AssertionError(e.summary() + ": " + e.getMessage());
        }
    }

    @Test
    void localPathsStartWithDotSlash() {
        assertThat(parse("./modules/net")).isEqualTo(new ModuleSource.Local("./modules/net"));
        assertThat(parse("../shared")).isEqualTo(new ModuleSource.Local("../shared"));
        assertThat(parse("./modules/net").installed()).isFalse();
    }

    @Test
    void gitSourcesKeepTheirSubdirectoryRefAndDepth() {
        assertThat(parse("git::https://example.com/net.git//modules/x?ref=v1.2.0"))
                .isEqualTo(new ModuleSource.Git("https://example.com/net.git", "v1.2.0", null, "modules/x"));
        assertThat(parse("git::file:///srv/repo.git?ref=main&depth=1"))
                .isEqualTo(new ModuleSource.Git("file:///srv/repo.git", "main", 1, ""));
        assertThat(parse("git::ssh://git@example.com/net.git"))
                .isEqualTo(new ModuleSource.Git("ssh://git@example.com/net.git", null, null, ""));
        assertThat(parse("github.com/acme/network//modules/segment?ref=v2"))
                .isEqualTo(new ModuleSource.Git("https://github.com/acme/network.git", "v2", null, "modules/segment"));
        assertThat(parse("git@github.com:acme/network.git?ref=abc123"))
                .isEqualTo(new ModuleSource.Git("git@github.com:acme/network.git", "abc123", null, ""));
        assertThat(parse("git::https://example.com/net.git").installed()).isTrue();
    }

    @Test
    void anAbsolutePathIsADirectoryThatInitInstalls() {
        assertThat(parse("/srv/modules/net")).isEqualTo(new ModuleSource.Directory("/srv/modules/net", ""));
        assertThat(parse("/srv/modules/net").installed()).isTrue();
    }

    @Test
    void registryAndOtherGettersAreRejectedWithWhatToUseInstead() {
        assertThatThrownBy(() -> ModuleSource.parse("hashicorp/consul/aws"))
                .hasMessageContaining("module registry address")
                .hasMessageContaining("git::https://github.com/hashicorp/terraform-aws-consul.git?ref=");
        assertThatThrownBy(() -> ModuleSource.parse("app.terraform.io/acme/net/nsxt"))
                .hasMessageContaining("module registry address");
        assertThatThrownBy(() -> ModuleSource.parse("hg::https://example.com/repo"))
                .hasMessageContaining("\"hg::\" sources such as \"hg::https://example.com/repo\" are not supported");
        assertThatThrownBy(() -> ModuleSource.parse("s3::https://s3.amazonaws.com/bucket/net.zip"))
                .hasMessageContaining("\"s3::\" sources");
        assertThatThrownBy(() -> ModuleSource.parse("https://example.com/net.zip"))
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> ModuleSource.parse("modules/net"))
                .hasMessageContaining("use \"./modules/net\" instead");
        assertThatThrownBy(() -> ModuleSource.parse("git::https://example.com/net.git?sshkey=abc"))
                .hasMessageContaining("\"sshkey\"");
        assertThatThrownBy(() -> ModuleSource.parse("git::https://example.com/net.git//../x"))
                .hasMessageContaining("leads outside of the module package");
    }
}
