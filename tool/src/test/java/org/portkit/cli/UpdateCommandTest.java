package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.diff.Changelog;
import org.portkit.diff.LockDiff;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.IsolatedGit;
import org.portkit.fixture.JicofoShape;
import org.portkit.fixture.PortkitRun;
import org.portkit.fixture.TestMaven;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;

/**
 * 'portkit update' on a jicofo-shaped port whose releases are files on a site: the spec's update
 * block maps "1.2" to version 1.2 and app-1.2.tar.gz; an update either completes (spec edited in
 * place, new lock, regenerated port, changelog, optionally a commit) or changes nothing.
 */
class UpdateCommandTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final IsolatedGit git = new IsolatedGit();

    static final String SPEC = """
            # A jicofo-shaped fixture daemon.
            category = net
            name = app
            comment = "jicofo-shaped fixture daemon"
            # As upstream numbers its releases.
            version = "1.1"
            homepage = "https://example.org/"
            maintainer = "portkit maintainers <portkit@example.org>"
            license = "Apache-2.0"
            descr = "A fixture shaped like jicofo: a fork repository, a fat jar."
            source {
              site = "%s"
              file = "app-1.1.tar.gz"  # the release archive
            }
            # 'portkit update net/app V': release V is app-V.tar.gz.
            update { version = "{arg}", file = "app-{version}.tar.gz" }
            maven-args = [%s]
            java = "17+"
            jar = "%s"
            daemon { user = _app, id = 992, comment = "fixture", main-class = org.fixture.app.Main, config = [app.conf] }
            """;

    /** A portkit tree with the net/app spec, its releases on {@code site}. */
    private Path tree(String site) throws IOException {
        Path root = tmp.resolve("tree");
        Path spec = Files.createDirectories(root.resolve("specs/net/app"));
        Files.writeString(spec.resolve("app.conf"), "app { }\n");
        Files.writeString(spec.resolve("port.conf"), SPEC.formatted(site,
                String.join(", ", JicofoShape.ARGS.stream().map(a -> '"' + a + '"').toList()), JicofoShape.FAT_JAR));
        return root;
    }

    @Test
    void aReleaseThatCannotBeFetchedChangesNothing() throws IOException {
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            Path root = tree(site.url());
            // A lock as the maintainer had it: the port generates from it.
            Files.writeString(root.resolve("specs/net/app/portkit.lock"), "maven 3.9.16\n"
                    + JicofoShape.ARGS.stream().map(a -> "arg " + a + "\n").reduce("", String::concat)
                    + "source app-1.1.tar.gz " + "a".repeat(64) + " 1715\n"
                    + "repository central https://repo.maven.apache.org/maven2/\n"
                    + "file central org/fixture/lib/1.0/lib-1.0.jar " + "b".repeat(64) + " 3\n");
            assertEquals(0, Main.run("generate", "--root", root.toString()));
            Path cache = tmp.resolve("cache");
            Files.createDirectories(cache.resolve("distfiles"));
            Files.writeString(cache.resolve("distfiles/app-1.1.tar.gz"), "as fetched before\n");
            SortedMap<String, String> before = snapshot(root, cache.resolve("distfiles"));

            PortkitRun run = PortkitRun.of("update", "--root", root.toString(), "--allow-http", "--cache", cache.toString(),
                    "net/app", "1.2");
            assertEquals(ExitStatus.UNOBTAINABLE.code, run.status(), run.err());
            assertTrue(run.err().contains(site.url() + "app-1.2.tar.gz answered 404"), run.err());
            assertEquals(before, snapshot(root, cache.resolve("distfiles")));
        }
    }

    @Test
    void commitRefusesADirtyPortOrAnExistingBranchBeforeAnyWork() throws IOException, GitAPIException {
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            Path root = tree(site.url());
            Path spec = root.resolve("specs/net/app/port.conf");
            try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("net/app").call();

                Files.writeString(spec, Files.readString(spec) + "# not committed yet\n");
                PortkitRun dirty = update(root, "1.2", "--commit");
                assertEquals(ExitStatus.BAD_INPUT.code, dirty.status());
                assertTrue(dirty.err().contains("uncommitted changes in specs/net/app, ports/net/app (specs/net/app/port.conf)"),
                        dirty.err());
                git.commit().setAll(true).setMessage("comment").call();

                git.branchCreate().setName("update/net-app-1.2").call();
                PortkitRun exists = update(root, "1.2", "--commit");
                assertEquals(ExitStatus.BAD_INPUT.code, exists.status());
                assertTrue(exists.err().contains("branch update/net-app-1.2 exists already"), exists.err());
                assertEquals(0, site.requests(), "refused before fetching anything");
                assertTrue(git.status().call().isClean());
            }
        }
    }

    @Test
    @Tag("maven")
    void updateEditsTheSpecLocksRegeneratesAndCommitsOrChangesNothing() throws IOException, GitAPIException {
        for (String v : List.of("1.1", "1.2", "1.3")) {
            Files.deleteIfExists(TestMaven.cache().resolve("distfiles/app-" + v + ".tar.gz"));
        }
        TestMaven.forgetRepository(JicofoShape.FORK_REPOSITORY_ID);
        try (FixtureRepository fork = new FixtureRepository(tmp.resolve("fork"))) {
            JicofoShape.publishFork(fork);
            fork.publishTree("sources/app-1.1.tar.gz", JicofoShape.write(tmp.resolve("1.1"), fork.url()), "app-1.1");
            Path next = JicofoShape.write(tmp.resolve("1.2"), fork.url());
            JicofoShape.manageLib(next, "1.0");
            Path published = fork.publishTree("sources/app-1.2.tar.gz", next, "app-1.2");
            Path broken = JicofoShape.write(tmp.resolve("1.3"), fork.url());
            Files.writeString(broken.resolve("pom.xml"), "<project>\n");
            fork.publishTree("sources/app-1.3.tar.gz", broken, "app-1.3");

            Path root = tree(fork.url() + "sources/");
            Path spec = root.resolve("specs/net/app");
            // The port at 1.1, from the static closure alone, to keep the test short: the update
            // records its build and proves its own lock offline.
            assertEquals(0, Main.run("lock", "--no-record", "--no-check", "--root", root.toString(), "--allow-http", "--cache",
                    TestMaven.cache().toString(), "--java-home", TestMaven.javaHome().toString(), spec.toString()));
            Lock old = LockFile.read(spec.resolve("portkit.lock"));
            String oldSpec = Files.readString(spec.resolve("port.conf"));
            try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                RevCommit base = git.commit().setMessage("net/app 1.1").call();

                // A release that downloads but cannot be resolved: nothing changes, its archive is not kept.
                SortedMap<String, String> before = snapshot(root, TestMaven.cache().resolve("distfiles"));
                PortkitRun failed = update(root, "1.3", "--commit");
                assertEquals(ExitStatus.BAD_INPUT.code, failed.status(), failed.err());
                assertEquals(before, snapshot(root, TestMaven.cache().resolve("distfiles")));
                assertFalse(Files.exists(TestMaven.cache().resolve("distfiles/app-1.3.tar.gz")));
                assertTrue(git.status().call().isClean());
                assertEquals("main", git.getRepository().getBranch());

                PortkitRun run = update(root, "1.2", "--commit");
                assertEquals(0, run.status(), run.err());

                // The spec: the two values, every comment and line else as it was.
                assertEquals(oldSpec.replace("version = \"1.1\"", "version = \"1.2\"")
                        .replace("file = \"app-1.1.tar.gz\"", "file = \"app-1.2.tar.gz\""), Files.readString(spec.resolve("port.conf")));
                Lock lock = LockFile.read(spec.resolve("portkit.lock"));
                assertTrue(lock.isComplete(), lock.unverified().toString());
                assertEquals(Hashing.sha256(published), lock.source("app-1.2.tar.gz").orElseThrow().sha256());
                assertEquals(Hashing.sha256(published), Hashing.sha256(TestMaven.cache().resolve("distfiles/app-1.2.tar.gz")));
                String makefile = Files.readString(root.resolve("ports/net/app/Makefile"));
                assertTrue(makefile.contains("V =\t\t1.2\n") && makefile.contains("DISTFILES =\tapp-1.2.tar.gz\n"), makefile);
                assertFalse(makefile.contains("REVISION"), makefile);
                assertTrue(Files.readString(root.resolve("ports/net/app/distinfo")).contains("SIZE (app-1.2.tar.gz) = "
                        + Files.size(published)));
                assertEquals(0, Main.run("check", "--root", root.toString()));

                // The changelog, printed and committed.
                String changelog = run.out().substring(run.out().indexOf("net/app\n  Download: "));
                assertTrue(LockDiff.between(old, lock).artifacts().contains(new LockDiff.ArtifactChange(LockDiff.Kind.VERSIONS,
                        "org.fixture:managed-lib", List.of("2.0"), List.of("1.0"), List.of())), changelog);
                assertTrue(changelog.contains("\n    org.fixture:managed-lib 2.0 -> 1.0\n"), changelog);
                String id = run.out().substring(run.out().indexOf("committed ") + "committed ".length()).split(" ")[0];
                changelog = changelog.substring(0, changelog.indexOf("committed "));
                assertEquals(Changelog.render(List.of(new Changelog.Port("net/app", LockDiff.between(old, lock))), false),
                        changelog);

                assertEquals("update/net-app-1.2", git.getRepository().getBranch());
                RevCommit made = git.log().setMaxCount(1).call().iterator().next();
                assertTrue(made.getName().startsWith(id), id);
                assertEquals("net/app: update to 1.2\n\n" + changelog, made.getFullMessage());
                assertEquals(List.of(base), List.of(made.getParents()));
                assertTrue(git.status().call().isClean(), "the update's changes are all committed");
                List<String> changed = changedPaths(git, base, made);
                assertTrue(changed.containsAll(List.of("specs/net/app/port.conf", "specs/net/app/portkit.lock",
                        "ports/net/app/Makefile", "ports/net/app/distinfo", "ports/net/app/maven.inc")), changed.toString());
                assertTrue(changed.stream().allMatch(p -> p.startsWith("specs/net/app/") || p.startsWith("ports/net/app/")),
                        changed.toString());
            }
        }
    }

    private PortkitRun update(Path root, String release, String... more) {
        List<String> args = new ArrayList<>(List.of("update", "--root", root.toString(), "--allow-http", "--cache",
                TestMaven.cache().toString(), "--java-home", TestMaven.javaHome().toString(), "net/app", release));
        args.addAll(List.of(more));
        return PortkitRun.of(args.toArray(String[]::new));
    }

    private static List<String> changedPaths(Git git, RevCommit from, RevCommit to) throws IOException, GitAPIException {
        try (ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser a = new CanonicalTreeParser(null, reader, from.getTree());
            CanonicalTreeParser b = new CanonicalTreeParser(null, reader, to.getTree());
            return git.diff().setOldTree(a).setNewTree(b).call().stream()
                    .map(d -> d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath()).toList();
        }
    }

    /** Every file and directory under {@code dirs} (but .git) with its SHA-256: equal snapshots, equal trees. */
    private static SortedMap<String, String> snapshot(Path... dirs) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(p -> !dir.relativize(p).startsWith(".git")).toList()) {
                    out.put(p.toString(), Files.isDirectory(p) ? "directory" : Hashing.sha256(p));
                }
            }
        }
        return out;
    }
}
