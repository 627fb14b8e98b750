package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.JicofoShape;
import org.portkit.fixture.TestMaven;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.LockFile;

/**
 * The whole cycle on a jicofo-shaped project: resolve, then the real Maven 3.9.16 offline with only
 * the resulting repository. Plugins and JUnit come from Maven Central; the forked artifacts from a
 * second repository served on loopback by the test.
 */
@Tag("maven")
class ClosureCycleTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void forgetFork() throws IOException {
        TestMaven.forgetRepository(JicofoShape.FORK_REPOSITORY_ID);
    }

    @Test
    void closureBuildsOfflineAndWarmRunMakesNoRequest() throws IOException {
        try (FixtureRepository fork = fork()) {
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            Path m2 = tmp.resolve("m2");
            Path lockFile = tmp.resolve("portkit.lock");

            ClosureEngine.Result first = ClosureEngine.resolve(
                    TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), true, true), m2, lockFile);
            assertEquals(ClosureEngine.Recording.RAN, first.recording());

            Lock lock = LockFile.read(lockFile);
            Set<String> paths = lock.files().stream().map(LockEntry::path).collect(Collectors.toSet());
            String fork1 = JicofoShape.FORK_REPOSITORY_ID;
            assertEquals(fork.url(), lock.repositories().get(fork1));
            assertTrue(has(lock, fork1, "org/fixture/fixture-parent/1/fixture-parent-1.pom"), "parent outside relativePath");
            assertTrue(has(lock, fork1, "org/fixture/fixture-bom/1/fixture-bom-1.pom"), "imported BOM");
            assertTrue(has(lock, fork1, "org/jxmpp/jxmpp-core/1.0.3/jxmpp-core-1.0.3.jar"), "range picks 1.0.3");
            assertFalse(paths.contains("org/jxmpp/jxmpp-core/1.1.0/jxmpp-core-1.1.0.jar"), "1.1.0 is outside the range");
            assertTrue(lock.metadata().contains("org/jxmpp/jxmpp-core"), "the range needs metadata offline");
            assertTrue(paths.contains("org/fixture/managed-lib/2.0/managed-lib-2.0.jar"), "version from the BOM");
            assertFalse(paths.contains("org/fixture/managed-lib/1.0/managed-lib-1.0.jar"));
            assertFalse(paths.contains("org/fixture/optional-lib/1.0/optional-lib-1.0.jar"), "optional is not transitive");
            assertFalse(paths.contains("org/fixture/excluded-lib/1.0/excluded-lib-1.0.jar"), "exclusion honoured");
            assertTrue(paths.contains("org/fixture/classified-lib/1.0/classified-lib-1.0-natives.jar"), "classifier");
            assertTrue(paths.contains("org/fixture/relocated-new/1.0/relocated-new-1.0.jar"), "relocation followed");
            assertTrue(paths.contains("org/fixture/prop-lib/1.0/prop-lib-1.0.jar"), "property-activated profile");
            assertTrue(paths.contains("org/fixture/jdk-lib/1.0/jdk-lib-1.0.jar"), "JDK-activated profile");
            assertFalse(paths.contains("org/fixture/unused-profile-lib/1.0/unused-profile-lib-1.0.jar"), "inactive profile");
            assertTrue(paths.contains("kr/motd/maven/os-maven-plugin/1.7.1/os-maven-plugin-1.7.1.jar"), "build extension");
            assertTrue(paths.contains("org/ow2/asm/asm/9.7.1/asm-9.7.1.jar"), "plugin's own dependency");
            assertTrue(paths.stream().anyMatch(p -> p.contains("/surefire-junit-platform-")),
                    "the JUnit provider surefire resolves while it runs");
            assertTrue(paths.stream().anyMatch(p -> p.contains("/maven-assembly-plugin/3.7.1/")), "fat-jar plugin");
            assertTrue(paths.stream().noneMatch(p -> p.contains("org/fixture/common/")), "reactor modules are built");
            assertTrue(paths.stream().noneMatch(p -> p.contains("/maven-gpg-plugin/")), "bound after package: not needed");
            assertEquals(Files.readString(lockFile), LockFile.render(lock), "lock is in canonical order");

            Path built = TestMaven.offlineBuild(source, m2, JicofoShape.ARGS, TestMaven.javaHome(), tmp);
            assertTrue(Files.isRegularFile(built.resolve(JicofoShape.FAT_JAR)), "fat jar built offline");

            int before = fork.requests();
            Path lockAgain = tmp.resolve("again.lock");
            ClosureEngine.Result again = ClosureEngine.resolve(
                    TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), true, false),
                    tmp.resolve("m2-again"), lockAgain);
            assertEquals(before, fork.requests(), "a warm run asks the repository nothing");
            assertEquals(ClosureEngine.Recording.REPLAYED, again.recording(), "unchanged inputs: no second build");
            assertEquals(Files.readString(lockFile), Files.readString(lockAgain), "same inputs, same lock");

            // The warm run was answered by the lock kept for these inputs; a locked file changed in the cache since
            // is refused (exit 5, naming it), not copied.
            String jxmpp = "org/jxmpp/jxmpp-core/1.0.3/jxmpp-core-1.0.3.jar";
            Path kept;
            try (Stream<Path> files = Files.list(TestMaven.cache().resolve("recordings"))) {
                kept = files.filter(f -> f.getFileName().toString().startsWith("lock-") && contains(f,
                        "repository " + fork1 + " " + fork.url() + "\n")).findFirst().orElseThrow();
            }
            Path cachedJar = KeptLock.read(kept, TestMaven.cache()).orElseThrow().files().get(fork1 + ' ' + jxmpp);
            Files.write(cachedJar, new byte[] {0}, StandardOpenOption.APPEND);
            PortkitException changed = assertThrows(PortkitException.class, () -> ClosureEngine.resolve(
                    TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), true, false),
                    tmp.resolve("m2-changed"), tmp.resolve("changed.lock")));
            assertEquals(Failure.CHECKSUM, changed.kind(), changed.getMessage());
            assertTrue(changed.getMessage().contains(cachedJar.toString()), changed.getMessage());
            assertFalse(Files.exists(tmp.resolve("changed.lock")) || Files.exists(tmp.resolve("m2-changed")));

            // The check can fail: without one artifact the offline build breaks.
            Files.delete(m2.resolve("org/jxmpp/jxmpp-core/1.0.3/jxmpp-core-1.0.3.jar"));
            PortkitException broken = assertThrows(PortkitException.class,
                    () -> TestMaven.offlineBuild(source, m2, JicofoShape.ARGS, TestMaven.javaHome(), tmp));
            assertEquals(Failure.BUILD_FAILED, broken.kind());
        }
    }

    @Test
    void staticResolutionAloneMissesWhatPluginsFetchWhileTheyRun() throws IOException {
        try (FixtureRepository fork = fork()) {
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            PortkitException e = failure(source, false, true);
            assertEquals(Failure.BUILD_FAILED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("surefire"), "fails on what surefire resolves at run time: " + e.getMessage());
            assertFalse(Files.exists(tmp.resolve("portkit.lock")), "no lock for an incomplete closure");
            assertFalse(Files.exists(tmp.resolve("m2")), "no repository for an incomplete closure");
        }
    }

    @Test
    void unreachableRepositoryIsReportedArtifactByArtifactAndNothingIsWritten() throws IOException {
        Path fork;
        try (FixtureRepository closed = fork()) {
            fork = Path.of(closed.url());
        }
        String deadUrl = fork.toString().replace("http:/", "http://");
        Path source = JicofoShape.write(tmp.resolve("src"), deadUrl);
        Files.writeString(tmp.resolve("portkit.lock"), "previous lock\n");
        PortkitException e = failure(source, true, false);
        assertEquals(Failure.UNOBTAINABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("org.fixture:fixture-parent:pom:1"), e.getMessage());
        assertTrue(e.getMessage().contains(deadUrl), "names the URL: " + e.getMessage());
        assertEquals("previous lock\n", Files.readString(tmp.resolve("portkit.lock")));
        assertFalse(Files.exists(tmp.resolve("m2")));
    }

    @Test
    void partialLockNamesWhatARepositoryCouldNotDeliver() throws IOException {
        try (FixtureRepository fork = fork()) {
            // The forked Smack is behind a failing server; the parent and BOM are not.
            fork.failUnder("org/igniterealtime/");
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            ClosureEngine.Request plain = TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), true, true);
            assertEquals(Failure.UNOBTAINABLE, failure(source, true, true).kind(), "not partial unless asked");
            ClosureEngine.Result result = ClosureEngine.resolve(new ClosureEngine.Request(plain.source(),
                    plain.mavenArgs(), plain.environment(), java.util.EnumSet.allOf(ClosureEngine.Option.class)), tmp.resolve("m2"), tmp.resolve("portkit.lock"));
            Lock lock = LockFile.read(tmp.resolve("portkit.lock"));
            assertFalse(lock.isComplete());
            assertEquals(ClosureEngine.Recording.IMPOSSIBLE, result.recording());
            String smack = "org/igniterealtime/smack/smack-core/4.4.8-jitsi-1/smack-core-4.4.8-jitsi-1.pom";
            assertTrue(lock.unverified().stream().anyMatch(u -> u.repository().equals(JicofoShape.FORK_REPOSITORY_ID)
                    && u.path().equals(smack) && u.reason().contains("500")), lock.unverified().toString());
            assertTrue(has(lock, JicofoShape.FORK_REPOSITORY_ID, "org/fixture/fixture-parent/1/fixture-parent-1.pom"),
                    "what could be obtained is pinned");
            assertFalse(Files.exists(tmp.resolve("m2")), "no offline repository from a partial lock");
        }
    }

    @Test
    void checksumMismatchIsFatalAndNamesTheUrl() throws IOException {
        try (FixtureRepository fork = fork()) {
            String jar = "org/jxmpp/jxmpp-core/1.0.3/jxmpp-core-1.0.3.jar";
            Files.write(fork.root().resolve(jar), FixtureRepository.jarBytes(java.util.Map.of("evil.txt", "tampered")));
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            PortkitException e = failure(source, true, false);
            assertEquals(Failure.CHECKSUM, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(fork.url() + jar), e.getMessage());
        }
    }

    @Test
    void snapshotOutsideTheReactorIsRefused() throws IOException {
        try (FixtureRepository fork = fork()) {
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            Path pom = source.resolve("selector/pom.xml");
            Files.writeString(pom, Files.readString(pom).replace("</dependencies>",
                    "<dependency><groupId>org.fixture</groupId><artifactId>moving</artifactId><version>2.0-SNAPSHOT</version></dependency></dependencies>"));
            PortkitException e = failure(source, true, false);
            assertEquals(Failure.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("org.fixture:moving:jar:2.0-SNAPSHOT"), e.getMessage());
        }
    }

    @Test
    void settingsMirrorIsHonoured() throws IOException {
        try (FixtureRepository fork = fork()) {
            // The POM names an address where nothing listens; settings.xml mirrors it to the fixture.
            Path source = JicofoShape.write(tmp.resolve("src"), "http://127.0.0.1:9/nothing/");
            Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings><mirrors><mirror><id>fork-mirror</id>"
                    + "<mirrorOf>" + JicofoShape.FORK_REPOSITORY_ID + "</mirrorOf><url>" + fork.url() + "</url></mirror></mirrors></settings>");
            TestMaven.forgetRepository("fork-mirror");
            ClosureEngine.Request plain = TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), false, false);
            ClosureEngine.resolve(new ClosureEngine.Request(plain.source(), plain.mavenArgs(), new ClosureEngine.Environment(
                    plain.mavenVersion(), plain.javaHome(), plain.cache(), org.portkit.resolve.UserSettings.read(settings)),
                    java.util.Set.of(ClosureEngine.Option.ALLOW_HTTP)),
                    tmp.resolve("m2"), tmp.resolve("portkit.lock"));
            Lock lock = LockFile.read(tmp.resolve("portkit.lock"));
            assertTrue(has(lock, "fork-mirror", "org/jxmpp/jxmpp-core/1.0.3/jxmpp-core-1.0.3.jar"), "served by the mirror");
            assertTrue(fork.requests() > 0);
        }
    }

    /** A run killed at any point leaves nothing that breaks the next run. */
    @Test
    void killedRunIsRecoveredByTheNextRun() throws Exception {
        try (FixtureRepository fork = fork()) {
            Path source = JicofoShape.write(tmp.resolve("src"), fork.url());
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "org.portkit.cli.Main", "resolve", source.toString(),
                    "--allow-http", "--cache", TestMaven.cache().toString(), "--out", tmp.resolve("m2").toString(),
                    "--lock", tmp.resolve("portkit.lock").toString(), "--"));
            command.addAll(JicofoShape.ARGS);
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("killed.log").toFile()).start();
            Thread.sleep(8000);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            // Killed mid-run (the recording build alone takes longer than that): nothing half-written.
            assertFalse(Files.exists(tmp.resolve("portkit.lock")), "no lock from a killed run");
            assertFalse(Files.exists(tmp.resolve("m2")), "no repository from a killed run");
            ClosureEngine.resolve(TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), true, true),
                    tmp.resolve("m2"), tmp.resolve("portkit.lock"));
            assertTrue(LockFile.read(tmp.resolve("portkit.lock")).files().size() > 50);
        }
    }

    private FixtureRepository fork() throws IOException {
        FixtureRepository fork = new FixtureRepository(tmp.resolve("fork"));
        JicofoShape.publishFork(fork);
        return fork;
    }

    /** Resolves {@code source} into tmp/m2 and tmp/portkit.lock, expecting portkit to refuse. */
    private PortkitException failure(Path source, boolean record, boolean check) {
        return assertThrows(PortkitException.class, () -> ClosureEngine.resolve(
                TestMaven.request(source, JicofoShape.ARGS, TestMaven.javaHome(), record, check),
                tmp.resolve("m2"), tmp.resolve("portkit.lock")));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean has(Lock lock, String repository, String path) {
        return lock.files().stream().anyMatch(e -> e.repository().equals(repository) && e.path().equals(path));
    }
}
