package org.portkit.build;

import org.portkit.maven.SuperPom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.PortkitRun;
import org.portkit.fixture.TestMaven;
import org.portkit.io.Archives;
import org.portkit.io.Hashing;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;

/**
 * The generated recipe itself builds offline: a port generated for examples/hello-daemon (its
 * source archive served on loopback, its artifacts from Maven Central) goes through fetch with
 * distinfo, extract, m2 layout, Maven 3.9.16 offline, fake install and the PLIST comparison.
 */
@Tag("maven")
class PortBuildTest {
    private static final Path HELLO = Path.of("..", "examples", "hello-daemon").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void generatedPortBuildsOfflineAndATamperedDistfileStopsIt() throws IOException {
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            site.publishTree("sources/hello-daemon-1.0.tar.gz", HELLO, "hello-daemon-1.0");
            // Maven Central's files are kept between runs; the source archive is this run's own.
            Path distfiles = TestMaven.cache().resolve("distfiles");
            Files.deleteIfExists(distfiles.resolve("hello-daemon-1.0.tar.gz"));

            Path spec = helloSpec(site.url() + "sources/", "");
            assertEquals(0, lock(spec, "--allow-http"));
            assertEquals(0, Main.run("check", "--root", tmp.toString()), "the port is lint clean and verified");
            Path port = tmp.resolve("ports/devel/hello-daemon");

            Files.deleteIfExists(distfiles.resolve("hello-daemon-1.0.tar.gz"));
            assertEquals(0, Main.run("build", port.toString(), "--distfiles", distfiles.toString(), "--work",
                    tmp.resolve("wrk").toString(), "--cache", TestMaven.cache().toString()));
            assertTrue(Files.isRegularFile(tmp.resolve("wrk/fake/share/java/classes/hello.jar")));
            assertTrue(Files.isRegularFile(tmp.resolve("wrk/fake/share/hello/hello.conf.sample")));
            assertTrue(Files.isDirectory(tmp.resolve("wrk/hello-daemon-1.0/daemon/target")), "built in WRKDIST, ${WRKDIR}/${DISTNAME}");
            // SUBST_PROGRAM, as pkg_subst does it: the installed launcher names real paths.
            String launcher = Files.readString(tmp.resolve("wrk/fake/bin/hello"));
            assertTrue(launcher.contains("CONFIG_FILE=/etc/hello/hello.conf\n") && !launcher.contains("${SYSCONFDIR}"), launcher);
            assertTrue(launcher.contains("/usr/local/bin/javaPathHelper -c hello-daemon)"), launcher);
            // bsd.port.mk installs the login class from pkg/; PLIST lists it.
            assertTrue(Files.readString(tmp.resolve("wrk/fake/share/examples/login.conf.d/hello")).startsWith("hello:\\\n"));

            // A distfile whose bytes changed: the build stops at fetch, naming it.
            PortBuild build = new PortBuild(port);
            PortBuild.Distfile first = build.distfiles().stream().filter(d -> d.name().startsWith("maven/")).findFirst()
                    .orElseThrow();
            Path tampered = tmp.resolve("tampered");
            Files.createDirectories(tampered.resolve(first.name()).getParent());
            Files.copy(distfiles.resolve("hello-daemon-1.0.tar.gz"), tampered.resolve("hello-daemon-1.0.tar.gz"));
            Files.writeString(tampered.resolve(first.name()), "not what was published");
            assertEquals(5, Main.run("build", port.toString(), "--distfiles", tampered.toString(), "--work",
                    tmp.resolve("wrk2").toString(), "--cache", TestMaven.cache().toString()));

            // An archive that unpacks elsewhere than DISTNAME says: stopped at extract, before Maven runs.
            Path makefile = port.resolve("Makefile");
            Files.writeString(makefile, Files.readString(makefile).replace("DISTNAME =\thello-daemon-1.0\n",
                    "DISTNAME =\thello-1.0\n"));
            PortkitRun wrong = PortkitRun.of("build", port.toString(), "--distfiles", distfiles.toString(), "--work",
                    tmp.resolve("wrk3").toString(), "--cache", TestMaven.cache().toString());
            assertEquals(6, wrong.status());
            assertTrue(wrong.err().contains("WRKDIST " + tmp.resolve("wrk3/hello-1.0") + " does not exist"), wrong.err());
        }
    }

    /**
     * A DIST_TUPLE source, as the Jitsi ports have: the GitHub archive's shape (a tag with a leading
     * v, which GitHub drops from the top directory) served on loopback in place of SITES.github. The
     * lock pins it as the ports tree names it (ACCOUNT-PROJECT-ID.tar.gz); build fetches it from the
     * path bsd.port.mk computes, unpacks it and builds in PROJECT-1.0, the WRKDIST dist-tuple.port.mk sets.
     */
    @Test
    void distTupleSourceIsFetchedFromTheGithubPathAndBuiltInItsWrkdist() throws IOException {
        try (FixtureRepository github = new FixtureRepository(tmp.resolve("github"))) {
            Path archive = github.publishTree("example/hello/archive/refs/tags/v1.0.tar.gz", HELLO, "hello-1.0");
            Path distfiles = TestMaven.cache().resolve("distfiles");
            // GitHub itself is out of reach: the lock hashes the copy in the cache, as after a fetch.
            Files.createDirectories(distfiles);
            Files.copy(archive, distfiles.resolve("example-hello-v1.0.tar.gz"), StandardCopyOption.REPLACE_EXISTING);
            Path spec = helloSpec("", "");
            Files.writeString(spec.resolve("port.conf"), Files.readString(spec.resolve("port.conf")).replace(
                    "source { site = \"\", file = \"hello-daemon-1.0.tar.gz\" }",
                    "source { dist-tuple = \"github example hello v1.0 .\" }"));
            assertEquals(0, lock(spec, "--no-check"));
            assertEquals(0, Main.run("check", "--root", tmp.toString()), "the port is lint clean and verified");
            Path port = tmp.resolve("ports/devel/hello-daemon");
            assertTrue(Files.readString(port.resolve("Makefile")).contains(
                    "\nROACH_URL =\texample/hello/archive/refs/tags/v1.0.tar.gz\n"));

            PortkitRun build = PortkitRun.of("build", port.toString(), "--site", "github=" + github.url(), "--distfiles",
                    tmp.resolve("distdir").toString(), "--work", tmp.resolve("wrk").toString(), "--cache",
                    TestMaven.cache().toString());
            assertEquals(0, build.status(), build.out() + build.err());
            assertTrue(build.out().contains("extract: WRKDIST is " + tmp.resolve("wrk/hello-1.0") + "\n"), build.out());
            assertTrue(Files.isRegularFile(tmp.resolve("wrk/fake/share/java/classes/hello.jar")));
        }
    }

    /**
     * A real project's port, all from Maven Central: maven-dependency-plugin 3.8.1's source release
     * as the source distfile (fetched and pinned by 'portkit lock'), its closure as per-artifact
     * distfiles. The "daemon" is a stand-in: this checks the recipe (fetch, m2, offline build,
     * install), not a service.
     */
    @Test
    void portForARealProjectFromMavenCentralBuildsOffline() throws IOException {
        Path spec = Files.createDirectories(tmp.resolve("specs/devel/maven-dependency-plugin"));
        String central = org.portkit.maven.SuperPom.repositories().get(0).getUrl();
        Files.writeString(spec.resolve("mdp.conf"), "# stand-in configuration\n");
        Files.writeString(spec.resolve("port.conf"), """
                category = devel
                name = maven-dependency-plugin
                comment = "Maven plugin for dependency work, as a port build check"
                version = "3.8.1"
                homepage = "https://maven.apache.org/plugins/maven-dependency-plugin/"
                maintainer = "portkit maintainers <portkit@example.org>"
                license = "Apache-2.0"
                descr = "maven-dependency-plugin, built offline from its source release."
                source { site = "%s", file = "maven-dependency-plugin-3.8.1-source-release.zip", dir = maven-dependency-plugin-3.8.1 }
                maven-args = ["-DskipTests", "-Dspotless.check.skip=true", "package"]
                java = "17+"
                jar = "target/maven-dependency-plugin-3.8.1.jar"
                daemon { name = mdp, user = _mdp, id = 991, comment = "stand-in", main-class = none.Main, config = [mdp.conf] }
                """.formatted(central.replaceAll("/?$", "/") + "org/apache/maven/plugins/maven-dependency-plugin/3.8.1/"));
        assertEquals(0, lock(spec, "--no-check"));
        assertEquals(0, Main.run("check", "--root", tmp.toString()));
        assertEquals(0, Main.run("build", tmp.resolve("ports/devel/maven-dependency-plugin").toString(),
                "--distfiles", TestMaven.cache().resolve("distfiles").toString(), "--work", tmp.resolve("wrk").toString(),
                "--cache", TestMaven.cache().toString()));
        assertTrue(Files.isRegularFile(tmp.resolve("wrk/fake/share/java/classes/mdp.jar")));

        // The same source in the shape GitHub serves a tag (PROJECT-TAG/ inside), on loopback in place of
        // SITES.github: the port a DIST_TUPLE spec makes builds in the WRKDIST bsd.port.mk gives it.
        Path distfiles = TestMaven.cache().resolve("distfiles");
        String tag = "maven-dependency-plugin-3.8.1";
        String tuple = "apache-maven-dependency-plugin-" + tag + ".tar.gz";
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        Archives.extract(distfiles.resolve("maven-dependency-plugin-3.8.1-source-release.zip"), unpacked);
        try (FixtureRepository github = new FixtureRepository(tmp.resolve("github"))) {
            Path archive = github.publishTree("apache/maven-dependency-plugin/archive/refs/tags/" + tag + ".tar.gz",
                    unpacked.resolve("maven-dependency-plugin-3.8.1"), "maven-dependency-plugin-" + tag);
            // GitHub is out of reach for the lock: it hashes a copy in the cache, as after a fetch.
            Files.copy(archive, distfiles.resolve(tuple), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(spec.resolve("port.conf"), Files.readString(spec.resolve("port.conf")).replaceFirst(
                    "source \\{[^\\n]*\\}", "source { dist-tuple = \"github apache maven-dependency-plugin " + tag + " .\" }"));
            assertEquals(0, lock(spec, "--no-check"));
            assertEquals(0, Main.run("check", "--root", tmp.toString()));
            Files.delete(distfiles.resolve(tuple));
            PortkitRun build = PortkitRun.of("build", tmp.resolve("ports/devel/maven-dependency-plugin").toString(),
                    "--site", "github=" + github.url(), "--distfiles", distfiles.toString(), "--work",
                    tmp.resolve("wrk2").toString(), "--cache", TestMaven.cache().toString());
            assertEquals(0, build.status(), build.out() + build.err());
            assertTrue(build.out().contains("fetch: 888 distfiles checked against distinfo, 1 downloaded\n"), build.out());
            assertTrue(build.out().contains("WRKDIST is " + tmp.resolve("wrk2/maven-dependency-plugin-" + tag)), build.out());
            assertTrue(Files.isRegularFile(tmp.resolve("wrk2/fake/share/java/classes/mdp.jar")));
        }
    }

    /**
     * The closure as one deps archive: 'portkit lock' makes and pins it, the maintainer publishes it
     * on the spec's site (here the loopback one), and the port fetches it, checks it against
     * distinfo, unpacks it as ${WRKDIR}/m2 and builds offline. Other bytes on the site stop the fetch.
     */
    @Test
    void depsArchivePortIsLockedPublishedFetchedAndBuiltOffline() throws IOException {
        String deps = "hello-daemon-deps-1.0.tar.gz";
        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            site.publishTree("sources/hello-daemon-1.0.tar.gz", HELLO, "hello-daemon-1.0");
            Path distfiles = TestMaven.cache().resolve("distfiles");
            Files.deleteIfExists(distfiles.resolve("hello-daemon-1.0.tar.gz"));
            Files.deleteIfExists(distfiles.resolve(deps));
            Path spec = helloSpec(site.url() + "sources/", "deps-archive { site = \"" + site.url() + "distfiles/\" }\n");

            // The offline build proves the archive below; the lock need not run it first.
            PortkitRun lock = PortkitRun.of(TestMaven.lockArgs(tmp, spec, "--allow-http", "--no-check"));
            assertEquals(0, lock.status(), lock.out() + lock.err());
            Path archive = distfiles.resolve(deps);
            assertTrue(lock.out().contains("wrote " + archive + " ("), lock.out());
            SourceDistfile pinned = LockFile.read(spec.resolve("portkit.lock")).source(deps).orElseThrow();
            assertEquals(new SourceDistfile(deps, Hashing.sha256(archive), Files.size(archive)), pinned);
            assertEquals(0, Main.run("check", "--root", tmp.toString()), "the port is lint clean and verified");
            Path port = tmp.resolve("ports/devel/hello-daemon");
            assertFalse(Files.exists(port.resolve("maven.inc")));

            site.publish("distfiles/" + deps, Files.readAllBytes(archive));
            Path distdir = tmp.resolve("distdir");
            PortkitRun build = PortkitRun.of("build", port.toString(), "--distfiles", distdir.toString(), "--work",
                    tmp.resolve("wrk").toString(), "--cache", TestMaven.cache().toString());
            assertEquals(0, build.status(), build.out() + build.err());
            assertTrue(build.out().contains("fetch: 2 distfiles checked against distinfo, 2 downloaded"), build.out());
            assertTrue(build.out().contains("extract: " + deps + " into "), build.out());
            assertTrue(Files.isRegularFile(tmp.resolve("wrk/fake/share/java/classes/hello.jar")));

            site.publish("distfiles/" + deps, "an archive of another lock".getBytes(StandardCharsets.UTF_8));
            assertEquals(5, Main.run("build", port.toString(), "--distfiles", tmp.resolve("distdir2").toString(),
                    "--work", tmp.resolve("wrk2").toString(), "--cache", TestMaven.cache().toString()));
        }
    }

    /** The hello-daemon spec in this test's tree, its source on {@code site}, with {@code more} port.conf text. */
    private Path helloSpec(String site, String more) throws IOException {
        Path spec = Files.createDirectories(tmp.resolve("specs/devel/hello-daemon"));
        Files.writeString(spec.resolve("hello.conf"), "hello { greeting = \"up\" }\n");
        Files.writeString(spec.resolve("port.conf"), """
                category = devel
                name = hello-daemon
                comment = "example daemon built offline by its generated port"
                version = "1.0"
                homepage = "https://example.org/"
                maintainer = "portkit maintainers <portkit@example.org>"
                license = "Apache-2.0"
                descr = "An example daemon: it prints its status."
                source { site = "%s", file = "hello-daemon-1.0.tar.gz" }
                java = "17+"
                jar = "daemon/target/daemon-1.0-SNAPSHOT-jar-with-dependencies.jar"
                daemon {
                  name = hello
                  user = _hello
                  id = 990
                  comment = "hello daemon"
                  main-class = org.portkit.example.daemon.Main
                  config = [hello.conf]
                }
                """.formatted(site) + more);
        return spec;
    }

    /** 'portkit lock' on one spec of this test's tree, with the test cache and JDK. */
    private int lock(Path spec, String... more) {
        return Main.run(TestMaven.lockArgs(tmp, spec, more));
    }
}
