package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.PluginPrefix;

class KeptLockTest {
    @TempDir
    Path tmp;

    private static final String JAR = "org/fixture/lib/1.0/lib-1.0.jar";

    private KeptLock kept() throws IOException {
        Path cached = Files.createDirectories(tmp.resolve("cache/repository/cached/central-x/org/fixture/lib/1.0"))
                .resolve("lib-1.0.jar");
        Files.writeString(cached, "bytes");
        TreeSet<LockEntry> entries = new TreeSet<>(List.of(new LockEntry("central", JAR, Hashing.sha256(cached), 5)));
        Lock lock = new Lock("3.9.16", List.of("-DskipTests", "package"), new TreeMap<>(Map.of("central", "https://c/")),
                new TreeSet<PluginPrefix>(), new TreeSet<>(List.of("org/fixture/lib")), entries);
        return new KeptLock(lock, List.of("-Pbsd,!linux"), Map.of("central " + JAR, cached));
    }

    @Test
    void whatIsKeptReadsBackAsItWas() throws IOException {
        KeptLock kept = kept();
        Path file = tmp.resolve("cache/recordings/lock-x.txt");
        Files.createDirectories(file.getParent());
        kept.keep(file, tmp.resolve("cache"));
        assertTrue(Files.readString(file).contains("cached central " + JAR + " repository/cached/central-x/" + JAR + "\n"),
                "cache paths are relative: the cache can move");
        assertEquals(kept, KeptLock.read(file, tmp.resolve("cache")).orElseThrow());
    }

    @Test
    void aLockedFileGoneFromTheCacheOrAnUnknownLineMakesTheRunComputeAfresh() throws IOException {
        KeptLock kept = kept();
        Path file = tmp.resolve("lock-x.txt");
        kept.keep(file, tmp.resolve("cache"));
        Files.writeString(file, "something else\n" + Files.readString(file));
        assertTrue(KeptLock.read(file, tmp.resolve("cache")).isEmpty(), "a line this version does not write");
        kept.keep(file, tmp.resolve("cache"));
        Files.delete(kept.files().get("central " + JAR));
        assertTrue(KeptLock.read(file, tmp.resolve("cache")).isEmpty(), "a file the cache no longer has");
        assertTrue(KeptLock.read(tmp.resolve("none.txt"), tmp.resolve("cache")).isEmpty(), "nothing kept");
    }
}
