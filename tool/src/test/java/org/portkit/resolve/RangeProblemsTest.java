package org.portkit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.FixtureRepository;

/** What a failed version range says: the repository and URL asked, or that the range itself is impossible. */
class RangeProblemsTest {
    @TempDir
    Path tmp;

    private PortkitException collect(String version, FixtureRepository repo) {
        try (Resolver resolver = Resolver.open(tmp.resolve("cache"), UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, true,
                Progress.quiet())) {
            RemoteRepository r = Resolver.repository("fixture", repo.url(), true, false);
            CollectRequest request = new CollectRequest(new Dependency(new DefaultArtifact("org.jxmpp:jxmpp-core:" + version),
                    "compile"), List.of(r));
            resolver.resolveGraph(request, null);
            return assertThrows(PortkitException.class, () -> resolver.problems().throwIfAny("artifacts the POMs name"));
        }
    }

    @Test
    void aRangeThatMatchesNothingNamesTheRepositoryAndTheUrlAskedAndNoJavaClass() throws IOException {
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo")).jar("org.jxmpp", "jxmpp-core", "1.0.3", null)
                .metadata("org.jxmpp", "jxmpp-core")) {
            PortkitException e = collect("[2.0,3.0)", repo);
            assertEquals(Failure.UNOBTAINABLE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("fixture: " + repo.url() + "org/jxmpp/jxmpp-core/maven-metadata.xml"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            assertFalse(e.getMessage().contains("reachable"), "a repository that answered needs no network advice: " + e.getMessage());
        }
    }

    @Test
    void anInvertedRangeIsBadInputNotAnUnobtainableArtifact() throws IOException {
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo"))) {
            PortkitException e = collect("[1.1,1.0]", repo);
            assertEquals(Failure.BAD_INPUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("[1.1,1.0]") && e.getMessage().contains("Fix the POM"), e.getMessage());
        }
    }

    @Test
    void aPomThatNoRepositoryHasGetsNoNetworkAdvice() throws IOException {
        try (FixtureRepository repo = new FixtureRepository(tmp.resolve("repo"));
                Resolver resolver = Resolver.open(tmp.resolve("cache"), UserSettings.none(), Map.of(), Map.of("java.version", "17"), null, true,
                        Progress.quiet())) {
            resolver.resolve(new DefaultArtifact("org.fixture:parent:pom:1"), List.of(Resolver.repository("fixture", repo.url(), true, false)));
            PortkitException e = assertThrows(PortkitException.class, () -> resolver.problems().throwIfAny("POMs"));
            assertEquals(Failure.UNOBTAINABLE, e.kind());
            assertTrue(e.getMessage().contains("not found (" + repo.url() + "org/fixture/parent/1/parent-1.pom)"), e.getMessage());
            assertTrue(e.getMessage().contains("check the coordinates and version"), e.getMessage());
            assertFalse(e.getMessage().contains("reachable"), e.getMessage());
        }
    }
}
