package org.portkit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.FixtureRepository;

/** What the resolver's cache holds is trusted only as far as it was verified, and only for the URL it came from. */
class CacheIntegrityTest {
    private static final String POM = "org/fixture/lib/1.0/lib-1.0.pom";

    @TempDir
    Path tmp;

    private Resolver open() {
        return Resolver.open(tmp.resolve("cache"), UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, true, Progress.quiet());
    }

    private static DefaultArtifact pom() {
        return new DefaultArtifact("org.fixture:lib:pom:1.0");
    }

    @Test
    void aFileChangedInTheCacheAfterItsDownloadIsRefusedWithExit5NamingIt() throws IOException {
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo")).jar("org.fixture", "lib", "1.0", null)) {
            RemoteRepository r = Resolver.repository("fixture", repo.url(), true, false);
            Path cached;
            try (Resolver resolver = open()) {
                cached = resolver.resolve(pom(), List.of(r)).getArtifact().getPath();
                resolver.problems().throwIfAny("first run");
                assertEquals(1, resolver.log().all().size());
            }
            Files.writeString(cached, "<!-- changed -->\n", StandardOpenOption.APPEND);
            try (Resolver resolver = open()) {
                int before = repo.requests();
                resolver.resolve(pom(), List.of(r));
                assertEquals(before, repo.requests(), "the resolver itself takes its cache as it is");
                assertTrue(resolver.log().all().isEmpty(), "a changed file is never logged, so never pinned");
                assertNull(resolver.tryResolve(pom(), r), "nor served to the recording build");
                PortkitException e = assertThrows(PortkitException.class, () -> resolver.problems().throwIfAny("POMs"));
                assertEquals(Failure.CHECKSUM, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains(cached.toString()) && e.getMessage().contains("changed after it was downloaded"),
                        e.getMessage());
            }
        }
    }

    @Test
    void aFileAKilledRunMovedIntoPlaceButNeverTrackedIsDownloadedAgainNotTakenAsInstalled() throws IOException {
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo")).jar("org.fixture", "lib", "1.0", null)) {
            RemoteRepository r = Resolver.repository("fixture", repo.url(), true, false);
            Path cached;
            try (Resolver resolver = open()) {
                cached = resolver.tryResolve(pom(), r).getArtifact().getPath();
            }
            // Killed after the move, before the resolver noted where the file came from.
            Path tracking = cached.resolveSibling("_remote.repositories");
            Files.delete(tracking);
            Files.writeString(cached.resolveSibling(".lib-1.0.jar.4711.tmp"), "half a download");
            try (Resolver resolver = open()) {
                assertNull(resolver.tryResolve(pom(), r), "the resolver takes it for an installed file: never served");
                assertTrue(resolver.problems().isEmpty(), "and nothing says why");
            }
            Instant opened = Instant.now();
            Path later = Files.writeString(cached.resolveSibling("lib-1.0-tests.jar"), "a later run's, mid-download");
            Files.setLastModifiedTime(later, FileTime.from(opened.plusSeconds(1)));
            assertEquals(2, Untracked.forget(tmp.resolve("cache"), opened));
            assertTrue(Files.notExists(cached) && Files.notExists(cached.resolveSibling("lib-1.0.pom.sha1")));
            assertTrue(Files.isRegularFile(later), "a file written since the moment given is a live run's: it stays");
            Files.delete(later);
            int before = repo.requests();
            try (Resolver resolver = open()) {
                assertNotNull(resolver.tryResolve(pom(), r), "downloaded again and verified");
                assertTrue(repo.requests() > before);
            }
            assertEquals(0, Untracked.forget(tmp.resolve("cache"), Instant.now()), "a tracked file stays");
            assertTrue(Files.isRegularFile(cached));
        }
    }

    @Test
    void aRepositoryIdReusedWithAnotherUrlDoesNotGetTheFirstUrlsFiles() throws IOException {
        try (FixtureRepository first = new FixtureRepository(tmp.resolve("first")).jar("org.fixture", "lib", "1.0", null);
                FixtureRepository second = new FixtureRepository(tmp.resolve("second")).pom("org.fixture", "lib", "1.0", "jar",
                        "<description>the second URL's own bytes</description>")) {
            try (Resolver resolver = open()) {
                resolver.resolve(pom(), List.of(Resolver.repository("shared", first.url(), true, false)));
            }
            try (Resolver resolver = open()) {
                var result = resolver.resolve(pom(), List.of(Resolver.repository("shared", second.url(), true, false)));
                resolver.problems().throwIfAny("second run");
                assertTrue(second.requests() > 0, "the second URL is asked, not answered from the first one's cache");
                assertTrue(Files.readString(result.getArtifact().getPath()).contains("the second URL's own bytes"));
                Fetched f = resolver.log().all().get(0);
                assertEquals(second.url(), f.repository().url());
                assertEquals(org.portkit.io.Hashing.sha256(second.root().resolve(POM)), f.sha256());
            }
        }
    }

    @Test
    void aRepositoryThatFailsIsNoProblemForAFileAnotherOneDelivered() throws IOException {
        String dead;
        try (FixtureRepository closed = new FixtureRepository(tmp.resolve("closed"))) {
            dead = closed.url();
        }
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo")).jar("org.fixture", "lib", "1.0", null);
                Resolver resolver = open()) {
            RemoteRepository unreachable = Resolver.repository("dead", dead, true, false);
            RemoteRepository good = Resolver.repository("good", repo.url(), true, false);
            assertNull(resolver.tryResolve(pom(), unreachable), "the recording mirror asks one repository at a time");
            assertNotNull(resolver.tryResolve(pom(), good));
            resolver.problems().throwIfAny("what the build fetched");
            assertTrue(resolver.problems().unreachableOnly().isEmpty(), "nothing unverified for a partial lock either");
        }
    }
}
