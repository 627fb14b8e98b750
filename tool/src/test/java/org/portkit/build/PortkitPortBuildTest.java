package org.portkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.FixtureRepository;
import org.portkit.fixture.PortkitRun;
import org.portkit.fixture.TestMaven;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.SpecPaths;
import org.portkit.port.kind.MavenBuild;
import org.portkit.port.kind.MavenPort;
import org.portkit.workspace.Tree;

/**
 * devel/portkit builds portkit from its own source: a git archive of this checkout, served on
 * loopback as the maintainer would publish it, with the committed closure (only the source line
 * is this archive's). The port fetches and checks every distfile, builds offline, installs into a
 * fake root that matches its PLIST, and the installed launcher then runs portkit from there.
 */
@Tag("maven")
class PortkitPortBuildTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SPEC = ROOT.resolve("specs/devel/portkit");

    @TempDir
    Path tmp;

    @Test
    void portkitsPortBuildsItselfOfflineAndTheInstalledLauncherRunsIt() throws Exception {
        MavenBuild committed = ((MavenPort) Tree.spec(SPEC)).build();
        SpecPaths paths = Tree.paths(SPEC);
        String archiveName = committed.sourceFile();
        Path archive = tmp.resolve(archiveName);
        run(ROOT, Map.of(), "git", "archive", "--format=tar.gz", "--prefix=portkit-" + committed.header().version() + "/", "-o",
                archive.toString(), "HEAD");

        try (FixtureRepository site = new FixtureRepository(tmp.resolve("site"))) {
            site.publish("distfiles/" + archiveName, Files.readAllBytes(archive));
            Path spec = Files.createDirectories(tmp.resolve("specs/devel/portkit"));
            Files.writeString(Tree.paths(spec).file(), Files.readString(paths.file())
                    .replace(committed.sourceSite(), site.url() + "distfiles/"));
            Lock lock = LockFile.read(paths.lock())
                    .withSources(List.of(new SourceDistfile(archiveName, Hashing.sha256(archive), Files.size(archive))));
            LockFile.write(lock, Tree.paths(spec).lock());
            assertEquals(0, PortkitRun.of("generate", "--root", tmp.toString(), spec.toString()).status());
            PortkitRun check = PortkitRun.of("check", "--root", tmp.toString());
            assertEquals(0, check.status(), check.out() + check.err());
            assertFalse(check.out().contains("unverified"), "every distfile has its checksum: " + check.out());

            // Central's files are kept between runs; the source archive is this run's own.
            Path distfiles = TestMaven.cache().resolve("distfiles");
            Files.deleteIfExists(distfiles.resolve(archiveName));
            Path port = tmp.resolve("ports/devel/portkit");
            PortkitRun build = PortkitRun.of("build", port.toString(), "--distfiles", distfiles.toString(), "--work",
                    tmp.resolve("wrk").toString(), "--cache", TestMaven.cache().toString());
            assertEquals(0, build.status(), build.out() + build.err() + "\nIf tool/pom.xml changed since "
                    + paths.lock() + " was made, lock it again: ./portkit lock --source-tree"
                    + " <git archive of the tree> specs/devel/portkit");
            int distfileCount = lock.files().size() + 1;
            assertTrue(build.out().contains("fetch: " + distfileCount + " distfiles checked against distinfo"), build.out());
            assertTrue(build.out().contains("plist: the fake root matches pkg/PLIST (13 files)"), build.out());
        }

        Path fake = tmp.resolve("wrk/fake");
        assertTrue(Files.readString(fake.resolve("man/man1/portkit-verify-config.1")).contains(".SH \"SYNOPSIS\""));
        // OpenBSD's javaPathHelper -c PKGSTEM prints the java of the JDK the package depends on; this
        // stand-in prints this JVM's, and refuses any other question.
        Path helper = Files.createDirectories(tmp.resolve("localbase/bin")).resolve("javaPathHelper");
        Files.writeString(helper, """
                #!/bin/sh
                [ "$1" = -c ] && [ "$2" = portkit ] && [ $# -eq 2 ] || { echo "javaPathHelper: asked $*" >&2; exit 1; }
                echo %s
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The launcher as do-install put it, SUBST_PROGRAM's variables filled in for /usr/local; run here
        // with its paths moved to the fake root and the stand-in.
        String installed = Files.readString(fake.resolve("bin/portkit"));
        assertTrue(installed.contains("/usr/local/bin/javaPathHelper -c portkit")
                && installed.contains("/usr/local/share/java/classes/portkit.jar"), installed);
        Path relocated = Files.writeString(tmp.resolve("portkit.sh"), installed
                .replace("/usr/local/bin/javaPathHelper", helper.toString()).replace("/usr/local/", fake + "/"));
        Map<String, String> env = Map.of();
        String launcher = relocated.toString();

        String help = run(tmp, env, "sh", launcher, "--help");
        assertTrue(help.contains("Usage: portkit [-hV] [COMMAND]") && help.contains("verify-config"), help);
        Path site = tmp.resolve("jitsi-site");
        run(tmp, env, "sh", launcher, "render-config", "meet.example.org", site.toString());
        // What the host has besides the rendered files: jitsi-setup's certificate, net/jitsi/prosody-plugins.
        Files.createDirectories(site.resolve("etc/ssl/private"));
        Files.writeString(site.resolve("etc/ssl/meet.example.org.fullchain.pem"), "certificate\n");
        Files.writeString(site.resolve("etc/ssl/private/meet.example.org.key"), "key\n");
        Files.createDirectories(site.resolve("usr/local/share/jitsi-prosody-plugins"));
        String verified = run(tmp, env, "sh", launcher, "verify-config", site.toString());
        assertTrue(verified.contains("the site under " + site + " is coherent"), verified);
    }

    /** Runs a command in {@code dir}, with {@code env} added; its output, or a failure with it. */
    private static String run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }
}
