package org.portkit.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves behind is removed by the next one; what a live run holds is not touched. */
class WorkAreaTest {
    @TempDir
    Path tmp;

    @Test
    void theNextRunRemovesAKilledRunsAreaAndWhatItStaged() throws IOException {
        // What a run killed with -9 leaves: its area, unlocked, and a repository it was staging beside --out.
        Path area = Files.createDirectories(tmp.resolve("cache/work/run123"));
        Files.writeString(area.resolve(".live"), "");
        Files.createDirectories(area.resolve("src/big"));
        Path staged = Files.createDirectories(tmp.resolve("out/.m2.456"));
        Files.createDirectories(staged.resolve("org/x"));
        Files.writeString(area.resolve(".staged"), staged + "\n");
        Path userDir = Files.createDirectories(tmp.resolve("out/m2"));
        try (WorkArea next = WorkArea.open(tmp.resolve("cache/work"), "run")) {
            assertFalse(Files.exists(area), "the dead area is gone");
            assertFalse(Files.exists(staged), "and the repository it was staging beside --out");
            assertTrue(Files.isDirectory(next.dir()));
        }
        assertTrue(Files.isDirectory(userDir), "nothing it did not note is touched");
    }

    @Test
    void aLiveRunsAreaAndStagingSurviveAnotherRunOnTheSameCache() throws IOException {
        WorkArea live = WorkArea.open(tmp.resolve("cache/work"), "run");
        Path staged = live.stageBeside(tmp.resolve("out/m2"));
        try (WorkArea other = WorkArea.open(tmp.resolve("cache/work"), "run")) {
            assertTrue(Files.isDirectory(live.dir()));
            assertTrue(Files.isDirectory(staged));
            assertTrue(staged.getFileName().toString().startsWith(".m2."));
        }
        live.close();
        assertFalse(Files.exists(staged), "closing removes what was staged and not moved into place");
        assertFalse(Files.exists(live.dir()));
    }

    @Test
    void aKilledRunsLeftoversInTheCacheAreCleanedOnlyByARunWithNoOtherAlive() throws IOException {
        Path work = tmp.resolve("cache/work");
        WorkArea live = WorkArea.open(work, "run");
        Files.writeString(Files.createDirectories(work.resolve("run123")).resolve(".live"), "");
        try (WorkArea other = WorkArea.open(work, "run")) {
            assertFalse(Files.exists(work.resolve("run123")), "the killed run's area goes at once");
            assertTrue(other.afterKilledRun().isEmpty(), "a live run may be between the two steps of a download");
        }
        live.close();
        Instant before = Instant.now();
        try (WorkArea alone = WorkArea.open(work, "run")) {
            Optional<Instant> since = alone.afterKilledRun();
            assertTrue(since.isPresent(), "the killed run is remembered until a run alone can clean");
            assertFalse(since.get().isBefore(before));
            alone.cleaned();
        }
        try (WorkArea next = WorkArea.open(work, "run")) {
            assertTrue(next.afterKilledRun().isEmpty(), "cleaned once");
        }
    }
}
