package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.PortkitRun;

/**
 * resolve writes only where it was told, and refuses, before any work, to replace what portkit did
 * not write there. The source named here does not even exist: a refusal comes first.
 */
class ResolveDestinationTest {
    @TempDir
    Path tmp;

    private PortkitRun resolve(Path source, String... more) {
        List<String> args = new ArrayList<>(List.of("resolve", source.toString(), "--cache", tmp.resolve("cache").toString(),
                "--java-home", System.getProperty("java.home")));
        args.addAll(List.of(more));
        return PortkitRun.of(args.toArray(String[]::new));
    }

    @Test
    void anOutDirectoryHoldingTheUsersFilesIsNotReplacedWithoutForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        PortkitRun run = resolve(tmp.resolve("src"), "--out", out.toString(), "--lock", tmp.resolve("l").toString());
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("--out " + out) && run.err().contains("--force"), run.err());
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.exists(tmp.resolve("cache")), "refused before any work");
    }

    @Test
    void aLockThatIsADirectoryOrSomeoneElsesFileIsRefusedBeforeAnythingMoves() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("locks"));
        PortkitRun run = resolve(tmp.resolve("src"), "--out", tmp.resolve("m2").toString(), "--lock", dir.toString());
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("--lock " + dir + " is a directory"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(tmp.resolve("m2")));

        Path notALock = Files.writeString(tmp.resolve("README"), "my text\n");
        run = resolve(tmp.resolve("src"), "--out", tmp.resolve("m2").toString(), "--lock", notALock.toString());
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("was not written by portkit"), run.err());
        assertEquals("my text\n", Files.readString(notALock));
    }

    @Test
    void anOutThatIsAFileOrHoldsTheSourceOrTheLockIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertEquals(3, resolve(tmp.resolve("src"), "--out", file.toString()).status());
        Path project = Files.createDirectories(tmp.resolve("project"));
        PortkitRun run = resolve(project.resolve("."), "--out", project.toString(), "--force");
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("would replace " + project), run.err());
        run = resolve(tmp.resolve("src"), "--out", tmp.resolve("m2").toString(), "--lock",
                tmp.resolve("m2/portkit.lock").toString());
        assertEquals(3, run.status(), run.err());
    }
}
