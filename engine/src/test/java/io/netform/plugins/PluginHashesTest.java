package io.netform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHashesTest {

    @TempDir
    Path tmp;

    private Path plugin;
    private Path memory;
    /** A clock well after the plugin's files were written, so that their stamps are trusted. */
    private final Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);

    @BeforeEach
    void plugin() throws IOException {
        plugin = Files.createDirectories(tmp.resolve("plugin"));
        Files.writeString(plugin.resolve("terraform-provider-x"), "#!/bin/sh\n");
        Files.createDirectories(plugin.resolve("lib"));
        Files.writeString(plugin.resolve("lib/a.jar"), "first");
        memory = tmp.resolve("work/.netform/plugin_hashes");
    }

    @Test
    void aHashIsTheDirectorysH1AndIsTakenFromMemoryWhileNoFileChanged() throws IOException {
        PluginHashes hashes = PluginHashes.rememberedIn(memory, later);

        String first = hashes.h1(plugin);
        // Only a remembered hash can come back once the memory says something else for the same stamp.
        Files.writeString(memory, Files.readString(memory).replace(first, "h1:remembered"));

        assertThat(first).isEqualTo(DirHash.h1(plugin));
        assertThat(hashes.h1(plugin)).isEqualTo("h1:remembered");
    }

    @Test
    void aChangedFileIsHashedAgainEvenWithItsModificationTimeSetBack() throws IOException {
        PluginHashes hashes = PluginHashes.rememberedIn(memory, later);
        String before = hashes.h1(plugin);
        Path jar = plugin.resolve("lib/a.jar");
        FileTime modified = Files.getLastModifiedTime(jar);

        Object changed = Files.getAttribute(jar, "unix:ctime");
        // The kernel stamps times at its clock tick: write until the change time has moved, as it has
        // for any change older than PluginHashes.RACY.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Files.getAttribute(jar, "unix:ctime").equals(changed) && System.nanoTime() < deadline) {
            Files.writeString(jar, "other");
        }
        Files.setLastModifiedTime(jar, modified);

        assertThat(hashes.h1(plugin)).isNotEqualTo(before).isEqualTo(DirHash.h1(plugin));
    }

    @Test
    void aFileAddedToThePluginChangesTheHash() throws IOException {
        PluginHashes hashes = PluginHashes.rememberedIn(memory, later);
        String before = hashes.h1(plugin);

        Files.writeString(plugin.resolve("lib/b.jar"), "added");

        assertThat(hashes.h1(plugin)).isNotEqualTo(before).isEqualTo(DirHash.h1(plugin));
    }

    @Test
    void filesChangedJustNowAreNotRememberedBecauseTheirTimesMayNotHaveMovedYet() {
        PluginHashes hashes = PluginHashes.rememberedIn(memory, Clock.systemUTC());

        assertThat(hashes.h1(plugin)).isEqualTo(DirHash.h1(plugin));
        assertThat(memory).doesNotExist();
    }

    @Test
    void anUnreadableMemoryOnlyMeansHashingAgain() throws IOException {
        Files.createDirectories(memory.getParent());
        Files.write(memory, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, java.nio.file.StandardOpenOption.CREATE);

        assertThat(PluginHashes.rememberedIn(memory, later).h1(plugin)).isEqualTo(DirHash.h1(plugin));
        assertThat(Files.readString(memory, StandardCharsets.UTF_8)).contains(plugin.toString());
    }
}
