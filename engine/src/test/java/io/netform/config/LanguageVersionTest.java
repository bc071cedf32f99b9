package io.netform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** required_version is checked against the Terraform language version Netform implements, in every module. */
class LanguageVersionTest {

    @TempDir
    Path dir;

    private LoadResult load(String requiredVersion) throws Exception {
        Files.writeString(dir.resolve("main.tf"), "terraform {\n  required_version = \"" + requiredVersion + "\"\n}\n");
        return ModuleLoader.load(dir);
    }

    @Test
    void aConstraintThatAllowsTheImplementedVersionIsAccepted() throws Exception {
        for (String ok : new String[] {">= 1.5", "~> 1.9.0", "~> 1.9", ">= 1.0, < 2.0", "1.9.8"}) {
            assertThat(load(ok).diagnostics()).as(ok).isEmpty();
        }
    }

    @Test
    void aConstraintThatExcludesItIsTerraformsErrorAtTheAttribute() throws Exception {
        LoadResult loaded = load("~> 1.10");
        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.subject()).hasToString("main.tf:2:3");
            assertThat(d.summary()).isEqualTo("Unsupported Terraform Core version");
            assertThat(d.detail()).startsWith("This configuration does not support Terraform version 1.9.8");
        });
        assertThat(load("< 1.0").hasErrors()).isTrue();
        assertThat(load("= 1.9.7").hasErrors()).isTrue();
    }

    @Test
    void aChildModuleIsCheckedToo() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "module \"net\" {\n  source = \"./net\"\n}\n");
        Files.createDirectory(dir.resolve("net"));
        Files.writeString(dir.resolve("net/main.tf"), "terraform {\n  required_version = \">= 2.0\"\n}\n");
        assertThat(ModuleLoader.load(dir).diagnostics())
                .extracting(d -> d.subject() + " " + d.summary())
                .containsExactly("net/main.tf:2:3 Unsupported Terraform Core version");
    }

    @Test
    void anUnreadableConstraintIsAnError() throws Exception {
        assertThat(load(">= one").diagnostics())
                .extracting(Diagnostic::summary)
                .containsExactly("Invalid version constraint");
    }
}
