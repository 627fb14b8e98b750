package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.JicofoShape;
import org.portkit.fixture.PortkitRun;
import org.portkit.fixture.TestMaven;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;

/**
 * The maintainer's path for a port made where part of the network was out of reach, as with
 * jicofo here: 'portkit lock --partial --source-tree' pins what can be had and names the rest,
 * then a plain 'portkit lock' on a machine that reaches everything completes the port.
 */
@Tag("maven")
class LockCommandTest {
    private static final String SOURCE = "app-1.1.tar.gz";

    @TempDir
    Path tmp;

    @BeforeEach
    void forgetFork() throws IOException {
        TestMaven.forgetRepository(JicofoShape.FORK_REPOSITORY_ID);
        Files.deleteIfExists(TestMaven.cache().resolve("distfiles").resolve(SOURCE));
    }

    @Test
    void partialPortIsCompletedByOneCommandOnceTheNetworkIsThere() throws IOException {
        try (FixtureRepository fork = new FixtureRepository(tmp.resolve("fork"))) {
            JicofoShape.publishFork(fork);
            Path project = JicofoShape.write(tmp.resolve("src"), fork.url());
            Path published = fork.publishTree("sources/" + SOURCE, project, "app-1.1");
            Path spec = spec(fork.url() + "sources/");

            // Where the Smack fork is unreachable: a local copy of the source, --partial.
            fork.failUnder("org/igniterealtime/");
            assertEquals(0, lock(spec, "--partial", "--source-tree", project.toString()));
            Lock partial = LockFile.read(spec.resolve("portkit.lock"));
            assertFalse(partial.isComplete());
            assertTrue(partial.sources().isEmpty(), "a local copy of the source is not the distfile: no checksum for it");
            PortkitRun check = PortkitRun.of("check", "--root", tmp.toString());
            assertTrue(check.out().contains("net/app: unverified (no checksum yet): " + SOURCE + "\n"), check.out());
            assertTrue(check.out().contains("smack-core-4.4.8-jitsi-1.jar"), check.out());
            assertFalse(Files.readString(tmp.resolve("ports/net/app/distinfo")).contains(SOURCE));
            assertEquals(0, Main.run("check", "--root", tmp.toString()), "a partial port is current and lint clean");

            // On a machine that reaches everything: one command, and nothing is left unverified.
            fork.failUnder(null);
            assertEquals(0, lock(spec));
            Lock complete = LockFile.read(spec.resolve("portkit.lock"));
            assertTrue(complete.isComplete(), complete.unverified().toString());
            // What the modules need at run time: their compile dependencies, not a test library or a plugin's.
            assertTrue(complete.runtime().contains("org.igniterealtime.smack:smack-core:4.4.8-jitsi-1"), complete.runtime().toString());
            assertTrue(complete.runtime().stream().noneMatch(g -> g.startsWith("org.junit") || g.startsWith("org.ow2.asm:asm:")
                    || g.contains(":maven-")), complete.runtime().toString());
            assertEquals(Hashing.sha256(published), complete.source(SOURCE).orElseThrow().sha256());
            assertEquals(Files.size(published), complete.source(SOURCE).orElseThrow().size());
            assertTrue(Files.readString(tmp.resolve("ports/net/app/distinfo")).contains("SIZE (" + SOURCE + ") = "
                    + Files.size(published)));
            assertFalse(Files.readString(tmp.resolve("ports/net/app/Makefile")).contains("Not verified yet"));
            assertEquals(0, Main.run("check", "--root", tmp.toString()));

            // The same release name with other bytes upstream: fatal, and the lock is kept.
            String before = Files.readString(spec.resolve("portkit.lock"));
            Files.writeString(project.resolve("fixture-id.txt"), "moved tag\n");
            fork.publishTree("sources/" + SOURCE, project, "app-1.1");
            Files.delete(TestMaven.cache().resolve("distfiles").resolve(SOURCE));
            assertEquals(ExitStatus.CHECKSUM.code, lock(spec));
            assertEquals(before, Files.readString(spec.resolve("portkit.lock")));
        }
    }

    @Test
    void specAndLockThatDisagreeAreReportedAsStale() throws IOException {
        try (FixtureRepository fork = new FixtureRepository(tmp.resolve("fork"))) {
            JicofoShape.publishFork(fork);
            Path spec = spec(fork.url() + "sources/");
            Files.writeString(spec.resolve("portkit.lock"), "maven 3.9.16\narg package\n"
                    + "repository central https://repo.maven.apache.org/maven2/\n"
                    + "file central org/fixture/lib/1.0/lib-1.0.jar " + "b".repeat(64) + " 3\n");
            assertEquals(ExitStatus.STALE.code, Main.run("generate", "--root", tmp.toString()));
            assertFalse(Files.exists(tmp.resolve("ports/net/app")));
        }
    }

    /** A partial lock makes no deps archive: the port lists it as unverified, and check accepts that. */
    @Test
    void partialLockLeavesTheDepsArchiveUnverified() throws IOException {
        try (FixtureRepository fork = new FixtureRepository(tmp.resolve("fork"))) {
            JicofoShape.publishFork(fork);
            Path project = JicofoShape.write(tmp.resolve("src"), fork.url());
            Path spec = spec(fork.url() + "sources/", "deps-archive { site = \"https://example.org/distfiles/\" }\n");
            Files.deleteIfExists(TestMaven.cache().resolve("distfiles/app-deps-1.1.tar.gz"));
            fork.failUnder("org/igniterealtime/");

            PortkitRun lock = PortkitRun.of(lockArgs(spec, "--partial", "--source-tree", project.toString()));
            assertEquals(0, lock.status(), lock.out() + lock.err());
            assertTrue(lock.out().contains("no app-deps-1.1.tar.gz from a partial lock"), lock.out());
            assertTrue(LockFile.read(spec.resolve("portkit.lock")).sources().isEmpty());
            assertFalse(Files.exists(TestMaven.cache().resolve("distfiles/app-deps-1.1.tar.gz")));
            String notes = PortkitRun.of("check", "--root", tmp.toString()).out();
            assertTrue(notes.contains("net/app: unverified (no checksum yet): app-deps-1.1.tar.gz\n"), notes);
            assertFalse(notes.contains("smack-core-4.4.8-jitsi-1.jar"), "the artifacts are no distfiles of this port: " + notes);
            assertEquals(0, Main.run("check", "--root", tmp.toString()));
        }
    }

    private Path spec(String site) throws IOException {
        return spec(site, "");
    }

    /** The fixture's spec, its source on {@code site}, with {@code more} port.conf text. */
    private Path spec(String site, String more) throws IOException {
        Path spec = Files.createDirectories(tmp.resolve("specs/net/app"));
        Files.writeString(spec.resolve("app.conf"), "app { }\n");
        Files.writeString(spec.resolve("port.conf"), """
                category = net
                name = app
                comment = "jicofo-shaped fixture daemon"
                version = "1.1"
                homepage = "https://example.org/"
                maintainer = "portkit maintainers <portkit@example.org>"
                license = "Apache-2.0"
                descr = "A fixture shaped like jicofo: a fork repository, a fat jar."
                source { site = "%s", file = "%s" }
                maven-args = [%s]
                java = "17+"
                jar = "%s"
                daemon { user = _app, id = 992, comment = "fixture", main-class = org.fixture.app.Main, config = [app.conf] }
                """.formatted(site, SOURCE, String.join(", ", JicofoShape.ARGS.stream().map(a -> '"' + a + '"').toList()),
                JicofoShape.FAT_JAR) + more);
        return spec;
    }

    private int lock(Path spec, String... more) {
        return Main.run(lockArgs(spec, more));
    }

    /** Every lock here reads its source from the loopback fixture, plain http. */
    private String[] lockArgs(Path spec, String... more) {
        List<String> args = new ArrayList<>(List.of("--allow-http"));
        args.addAll(List.of(more));
        return TestMaven.lockArgs(tmp, spec, args.toArray(String[]::new));
    }
}
