package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.PortkitRun;
import org.portkit.fixture.TestMaven;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;

/**
 * Integrity end to end, through the command line: nothing pinned that was not verified, SNAPSHOT
 * plugins refused up front, and the static closure and the recording build agreeing on what was
 * obtained. A one-module project with the validate phase, so that Maven needs nothing from Central.
 */
@Tag("maven")
class IntegrityTest {
    @TempDir
    Path tmp;

    /** A pom-packaged project that depends on org.fixture:lib and loads org.fixture:ext as a build extension. */
    private Path project(String repositoriesXml, String buildXml) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId><artifactId>app</artifactId><version>1.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  %s
                  <dependencies>
                    <dependency><groupId>org.fixture</groupId><artifactId>lib</artifactId><version>1.0</version></dependency>
                  </dependencies>
                  <build>%s</build>
                </project>
                """.formatted(repositoriesXml, buildXml));
        return dir;
    }

    private static String repositories(String... idsAndUrls) {
        StringBuilder r = new StringBuilder();
        for (String kind : List.of("repositor", "pluginRepositor")) {
            r.append("<").append(kind).append("ies>");
            for (int i = 0; i < idsAndUrls.length; i += 2) {
                r.append("<").append(kind).append("y><id>").append(idsAndUrls[i]).append("</id><url>")
                        .append(idsAndUrls[i + 1]).append("</url></").append(kind).append("y>");
            }
            r.append("</").append(kind).append("ies>");
        }
        return r.toString();
    }

    private static final String EXTENSION =
            "<extensions><extension><groupId>org.fixture</groupId><artifactId>ext</artifactId><version>1.0</version></extension></extensions>";

    private FixtureRepository fixture() throws IOException {
        return new FixtureRepository(tmp.resolve("repo")).jar("org.fixture", "lib", "1.0", null)
                .jar("org.fixture", "ext", "1.0", null);
    }

    private PortkitRun resolve(Path source, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("resolve", source.toString(), "--allow-http",
                "--cache", TestMaven.cache().toString(), "--java-home", TestMaven.javaHome().toString(),
                "--out", tmp.resolve(name + "-m2").toString(), "--lock", tmp.resolve(name + ".lock").toString()));
        args.addAll(List.of(more));
        args.addAll(List.of("--", "validate"));
        return PortkitRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPomChangedInTheCacheAfterItsDownloadIsRefusedWithExit5() throws IOException {
        try (FixtureRepository repo = fixture()) {
            Path source = project(repositories("fixture", repo.url()), "");
            PortkitRun first = resolve(source, "first", "--no-record");
            assertEquals(0, first.status(), first.err());
            // The cache keeps a directory per repository id and URL (the resolver's nid_hurl key).
            Path cached = TestMaven.cache().resolve("repository/cached/fixture-"
                    + org.eclipse.aether.util.StringDigestUtil.sha1(repo.url()) + "/org/fixture/lib/1.0/lib-1.0.pom");
            assertTrue(Files.isRegularFile(cached), cached.toString());
            Files.writeString(cached, "<!-- changed in the cache -->\n", StandardOpenOption.APPEND);
            for (String record : List.of("--no-record", "--record")) {
                PortkitRun again = resolve(source, "again", record, "--check");
                assertEquals(5, again.status(), record + ": " + again.out() + again.err());
                assertTrue(again.err().contains(cached.toString()), again.err());
                assertFalse(Files.exists(tmp.resolve("again.lock")), "no lock pins the changed bytes");
            }
        }
    }

    @Test
    void snapshotPluginsAndExtensionsAreRefusedUpFrontWithExit3() throws IOException {
        try (FixtureRepository repo = fixture()) {
            String plugin = "<plugins><plugin><groupId>org.fixture</groupId><artifactId>moving-plugin</artifactId>"
                    + "<version>2.0-SNAPSHOT</version><executions><execution><phase>validate</phase><goals><goal>run</goal>"
                    + "</goals></execution></executions></plugin></plugins>";
            String extension = "<extensions><extension><groupId>org.fixture</groupId><artifactId>moving-ext</artifactId>"
                    + "<version>2.0-SNAPSHOT</version></extension></extensions>";
            for (String build : List.of(plugin, extension)) {
                Path source = project(repositories("fixture", repo.url()), build);
                for (String record : List.of("--no-record", "--record")) {
                    int before = repo.requests();
                    PortkitRun run = resolve(source, "snapshot", record);
                    assertEquals(3, run.status(), record + " " + build + ": " + run.out() + run.err());
                    assertTrue(run.err().contains("org.fixture:moving-") && run.err().contains("2.0-SNAPSHOT"), run.err());
                    assertEquals(before, repo.requests(), "refused before anything is resolved");
                }
            }
        }
    }

    @Test
    void anUnreachableExtraRepositoryMeansTheSameToTheStaticClosureAndTheRecording() throws IOException {
        String dead;
        try (FixtureRepository closed = new FixtureRepository(tmp.resolve("closed"))) {
            dead = closed.url();
        }
        try (FixtureRepository repo = fixture()) {
            Path source = project(repositories("dead", dead, "fixture", repo.url()), EXTENSION);
            PortkitRun recorded = resolve(source, "recorded", "--record");
            assertEquals(0, recorded.status(), recorded.out() + recorded.err());
            PortkitRun unrecorded = resolve(source, "unrecorded", "--no-record");
            assertEquals(0, unrecorded.status(), unrecorded.out() + unrecorded.err());
            Lock a = LockFile.read(tmp.resolve("recorded.lock"));
            Lock b = LockFile.read(tmp.resolve("unrecorded.lock"));
            assertEquals(b.repositories(), a.repositories());
            assertFalse(a.repositories().containsKey("dead"), "it delivered nothing");
            // A recorded lock holds exactly what the build read (issue 14), a static one what the POMs name:
            // neither need contain the other, but where both pin a path they agree on repository and bytes.
            java.util.Map<String, org.portkit.lock.LockEntry> statics = new java.util.HashMap<>();
            b.files().forEach(e -> statics.put(e.path(), e));
            assertFalse(a.files().isEmpty());
            a.files().stream().filter(e -> statics.containsKey(e.path()))
                    .forEach(e -> assertEquals(statics.get(e.path()), e, "both stages pinned " + e.path()));
        }
    }

    @Test
    void resolveDotWithTheCacheAndTheRepositoryInsideTheProjectWritesOnlyWhereItWasTold() throws IOException {
        try (FixtureRepository repo = fixture()) {
            Path source = project(repositories("fixture", repo.url()), "");
            Path cache = source.resolve(".cache");
            // A small cache of its own inside the project: Maven itself is copied in, as a user's cache would hold it.
            Path maven = TestMaven.maven().home();
            try (var walk = Files.walk(maven)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path to = cache.resolve("maven").resolve(maven.getParent().relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            String[] args = {"resolve", source.resolve(".").toString(), "--allow-http", "--no-record", "--cache", cache.toString(),
                    "--java-home", TestMaven.javaHome().toString(), "--out", source.resolve("m2").toString(),
                    "--lock", source.resolve("portkit.lock").toString(), "--", "validate"};
            for (int run = 0; run < 2; run++) {
                PortkitRun r = PortkitRun.of(args);
                assertEquals(0, r.status(), "run " + run + ": " + r.err());
            }
            try (var walk = Files.walk(cache.resolve("work"))) {
                assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals(".cache")), "the cache never copied into itself");
            }
            try (var list = Files.list(source)) {
                assertTrue(list.noneMatch(p -> p.getFileName().toString().startsWith(".m2.")), "no staging left beside --out");
            }
            Path mine = Files.createDirectories(tmp.resolve("mine"));
            Files.writeString(mine.resolve("notes.txt"), "mine");
            String[] forced = args.clone();
            forced[9] = mine.toString();
            assertEquals(3, PortkitRun.of(forced).status(), "the user's directory is not replaced without --force");
            assertTrue(Files.exists(mine.resolve("notes.txt")));
            List<String> withForce = new ArrayList<>(List.of(forced));
            withForce.add(withForce.indexOf("--"), "--force");
            PortkitRun r = PortkitRun.of(withForce.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            assertFalse(Files.exists(mine.resolve("notes.txt")), "--force replaces it");
        }
    }

    @Test
    void anInvalidPomIsNamedInTheUsersSourceNotInPortkitsCopy() throws IOException {
        Path source = project("", "");
        Files.writeString(source.resolve("pom.xml"), Files.readString(source.resolve("pom.xml"))
                .replace("<version>1.0</version></dependency>", "</dependency>"));
        PortkitRun run = resolve(source, "invalid", "--no-record");
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains(source.resolve("pom.xml").toString()), run.err());
        assertFalse(run.err().contains("/work/run"), run.err());
    }

    @Test
    void twoResolvesAtOnceOnOneCacheBothSucceedAndAgree() throws Exception {
        try (FixtureRepository repo = fixture()) {
            Path source = project(repositories("fixture", repo.url()), "");
            var request = TestMaven.request(source, List.of("validate"), TestMaven.javaHome(), false, false);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> ClosureEngine.resolve(request, tmp.resolve("a-m2"), tmp.resolve("a.lock")));
                var b = pool.submit(() -> ClosureEngine.resolve(request, tmp.resolve("b-m2"), tmp.resolve("b.lock")));
                a.get();
                b.get();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(Files.readString(tmp.resolve("a.lock")), Files.readString(tmp.resolve("b.lock")));
            assertTrue(Files.isRegularFile(tmp.resolve("b-m2/org/fixture/lib/1.0/lib-1.0.jar")));
        }
    }

    @Test
    void aParentCycleNamesEveryPomInIt() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("cycle/sub"));
        String pom = """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <parent><groupId>x</groupId><artifactId>%s</artifactId><version>1</version><relativePath>%s</relativePath></parent>
                <artifactId>%s</artifactId><packaging>pom</packaging></project>
                """;
        Files.writeString(source.getParent().resolve("pom.xml"), pom.formatted("sub", "sub/pom.xml", "top"));
        Files.writeString(source.resolve("pom.xml"), pom.formatted("top", "../pom.xml", "sub"));
        PortkitRun run = resolve(source.getParent(), "cycle", "--no-record");
        assertEquals(3, run.status(), run.err());
        assertTrue(run.err().contains("cycle") && run.err().contains(source.getParent().resolve("pom.xml").toString())
                && run.err().contains(source.resolve("pom.xml").toString()), run.err());
    }
}
