package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;
import org.portkit.io.Hashing;
import org.portkit.fixture.PortkitRun;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;

class PortGeneratorTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            # The conference focus, as a port.
            category = net
            name = jicofo
            comment = "server-side focus component of Jitsi Meet conferences"
            version = "2.0.11146"
            homepage = "https://jitsi.org/"
            maintainer = "Jane Doe <jane@example.org>"
            license = "Apache-2.0"
            descr = \"\"\"Jicofo is the conference focus of Jitsi Meet: it manages media sessions between each
            participant and the videobridge.\"\"\"
            source { dist-tuple = "github jitsi jicofo jitsi-meet_11146 ." }
            maven-args = [package]
            java = "17+"
            jar = "jicofo/target/jicofo-1.1-SNAPSHOT-jar-with-dependencies.jar"
            daemon {
              user = _jicofo
              id = 533
              comment = "Jitsi conference focus"
              main-class = org.jitsi.jicofo.Main
              config = [jicofo.conf]
            }
            """;

    Path tree(String name) throws IOException {
        Path root = tmp.resolve(name);
        Path spec = Files.createDirectories(root.resolve("specs/net/jicofo"));
        Files.writeString(spec.resolve("port.conf"), SPEC);
        Files.writeString(spec.resolve("jicofo.conf"), "jicofo { sctp { enabled = false } }\n");
        LockFile.write(MavenDistfilesTest.lock(), spec.resolve("portkit.lock"));
        return root;
    }

    /** One portkit command's status; its output goes to the test log. */
    static int run(String... args) {
        return PortkitRun.of(args).status();
    }

    @Test
    void generatedPortHasTheExpectedShape() throws IOException {
        Path root = tree("a");
        assertEquals(0, run("generate", "--root", root.toString()));
        SortedMap<String, String> port = PortTree.read(root.resolve("ports/net/jicofo"));
        String makefile = port.get("Makefile");
        assertTrue(makefile.contains("DIST_TUPLE =\tgithub jitsi jicofo jitsi-meet_11146 .\n"), makefile);
        assertTrue(makefile.contains("EXTRACT_ONLY =\tjitsi-jicofo-jitsi-meet_11146.tar.gz\n"), makefile);
        assertTrue(makefile.contains("\nMODMAVEN_ARGS =\tpackage\n"), "the lock's arguments: " + makefile);
        assertTrue(makefile.contains("\nMODULES =\tjava devel/maven\n") && !makefile.contains("\ndo-build:"),
                "devel/maven's module builds: " + makefile);
        assertTrue(makefile.endsWith(".include \"maven.inc\"\n.include <bsd.port.mk>\n"), makefile);
        String plist = port.get("pkg/PLIST");
        assertTrue(plist.startsWith("@newgroup _jicofo:533\n@newuser _jicofo:533:533::Jitsi conference focus:/nonexistent:/sbin/nologin\n@rcscript ${RCDIR}/jicofo\n"), plist);
        assertTrue(plist.contains("share/jicofo/jicofo.conf.sample\n@mode 640\n@group _jicofo\n@sample ${SYSCONFDIR}/jicofo/jicofo.conf\n@mode\n@group\n"), plist);
        assertTrue(port.get("pkg/jicofo.rc").contains("daemon_user=\"_jicofo\""));
        assertTrue(makefile.contains("\n# Not verified yet: distinfo has no checksum for 1 distfile,"), "for the porter: " + makefile);
        assertFalse(port.get("pkg/README").contains("jitsi-jicofo-jitsi-meet_11146.tar.gz"), "not for the user");
        assertFalse(port.get("distinfo").contains("jitsi-jicofo-jitsi-meet_11146.tar.gz"), "no checksum for an unhashed file");
        assertEquals("jicofo { sctp { enabled = false } }\n", port.get("files/jicofo.conf"));
        for (String line : port.get("pkg/DESCR").lines().toList()) {
            assertTrue(line.length() <= 80, line);
        }
    }

    @Test
    void twoGenerationsInDifferentPlacesAreByteIdentical() throws IOException {
        Path a = tree("a");
        Path b = tree("b");
        assertEquals(0, run("generate", "--root", a.toString()));
        assertEquals(0, run("generate", "--root", b.toString()));
        assertEquals(PortTree.read(a.resolve("ports/net/jicofo")), PortTree.read(b.resolve("ports/net/jicofo")));
    }

    @Test
    void checkIsCleanWhenCurrentAndShowsADiffWhenNot() throws IOException {
        Path root = tree("a");
        assertEquals(0, run("generate", "--root", root.toString()));
        assertEquals(0, run("check", "--root", root.toString()));
        Path makefile = root.resolve("ports/net/jicofo/Makefile");
        Files.writeString(makefile, Files.readString(makefile).replace("NO_TEST =\tYes\n", ""));
        PortkitRun check = PortkitRun.of("check", "--root", root.toString());
        assertEquals(7, check.status());
        String diff = check.out();
        assertTrue(diff.contains("--- a/ports/net/jicofo/Makefile") && diff.contains("+NO_TEST =\tYes"), diff);
    }

    @Test
    void depsArchivePortFetchesTheClosureAsOneDistfileAndUnpacksIt() throws IOException {
        Path root = tree("a");
        Path spec = root.resolve("specs/net/jicofo");
        String deps = "jicofo-deps-2.0.11146.tar.gz";
        Files.writeString(spec.resolve("port.conf"), SPEC + "deps-archive { site = \"https://example.org/distfiles/\" }\n");

        // Not pinned yet (a partial lock makes no archive): listed as unverified, with where it goes.
        assertEquals(0, run("generate", "--root", root.toString()));
        SortedMap<String, String> port = PortTree.read(root.resolve("ports/net/jicofo"));
        String notes = port.get("Makefile");
        assertTrue(notes.contains("no checksum for 2 distfiles") && notes.contains("\n# then publish it on https://example.org/distfiles/.\n"), notes);
        assertFalse(port.get("distinfo").contains(deps));

        // Pinned as 'portkit lock' pins it (here the digest of stand-in bytes).
        Path archive = Files.writeString(tmp.resolve(deps), "stand-in for the archive");
        LockFile.write(MavenDistfilesTest.lock().withSources(List.of(new SourceDistfile(deps, Hashing.sha256(archive),
                Files.size(archive)))), spec.resolve("portkit.lock"));
        assertEquals(0, run("generate", "--root", root.toString()));
        port = PortTree.read(root.resolve("ports/net/jicofo"));
        String makefile = port.get("Makefile");
        assertTrue(makefile.contains("""
                # The Maven closure as one archive that 'portkit lock' makes, byte for byte,
                # from the lock: its files and their metadata under m2/.
                SITES.deps =	https://example.org/distfiles/
                DISTFILES.deps =	jicofo-deps-2.0.11146.tar.gz

                # Both unpack into ${WRKDIR}, the closure as ${MODMAVEN_REPO}: devel/maven's
                # do-build has nothing to lay out.
                EXTRACT_ONLY =	jitsi-jicofo-jitsi-meet_11146.tar.gz jicofo-deps-2.0.11146.tar.gz
                """), makefile);
        assertFalse(makefile.contains("maven.inc"), makefile);
        assertFalse(port.containsKey("maven.inc"));
        assertTrue(port.keySet().stream().noneMatch(f -> f.startsWith("files/m2/")), "the archive holds the metadata");
        assertEquals("SHA256 (" + deps + ") = " + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                Hashing.sha256(archive))) + "\nSIZE (" + deps + ") = " + Files.size(archive) + "\n", port.get("distinfo"));
        assertTrue(makefile.contains("no checksum for 1 distfile,"), "only the source is left unverified: " + makefile);
        assertEquals(0, run("check", "--root", root.toString()), "current and lint clean");

        // Without the block, the lock's pin is of a distfile the port does not fetch: stale.
        Files.writeString(spec.resolve("port.conf"), SPEC);
        assertEquals(7, run("generate", "--root", root.toString()));
        Files.writeString(spec.resolve("port.conf"), SPEC + "deps-archive { site = \"https://example.org/distfiles\" }\n");
        PortkitRun bad = PortkitRun.of("generate", "--root", root.toString());
        assertEquals(3, bad.status());
        assertTrue(bad.err().contains("port.conf: 22: deps-archive.site: a site ends with '/'"), bad.err());
    }

    @Test
    void badSpecNamesFileAndLine() throws IOException {
        Path root = tree("a");
        Path spec = root.resolve("specs/net/jicofo/port.conf");
        Files.writeString(spec, SPEC.replace("jitsi-meet_11146 .", "stable/jitsi-meet_11146 ."));
        PortkitRun generate = PortkitRun.of("generate", "--root", root.toString());
        assertEquals(3, generate.status());
        assertTrue(generate.err().contains("port.conf: 11"), generate.err());
    }

    /**
     * The launcher and rc.d script as installed (SUBST applied), run with sh: javaPathHelper is asked
     * for the package stem (a stand-in refuses anything else, as the real one finds no package), the
     * spec's java options and the rc.d flags reach java, JAVA_HOME from the .in.sh is passed to
     * javaPathHelper, and the rc.d script's pexp matches the java process the launcher becomes.
     */
    @Test
    void launcherRunsJavaAsRcdExpects() throws IOException, InterruptedException {
        Path root = tree("a");
        Path spec = root.resolve("specs/net/jicofo/port.conf");
        Files.writeString(spec, SPEC.replace("daemon {\n", "daemon {\n  name = focus\n  java-options ="
                + " [\"-Djava.util.logging.config.file=${SYSCONFDIR}/focus/logging.properties\"]\n"));
        assertEquals(0, run("generate", "--root", root.toString()));
        SortedMap<String, String> port = PortTree.read(root.resolve("ports/net/jicofo"));
        Path etc = Files.createDirectories(tmp.resolve("etc/focus"));
        Path local = Files.createDirectories(tmp.resolve("local/bin"));
        Path jdk = Files.createDirectories(tmp.resolve("jdk-21/bin"));
        UnaryOperator<String> subst = t -> t.replace("${SYSCONFDIR}", etc.getParent().toString())
                .replace("${LOCALBASE}", local.getParent().toString()).replace("${TRUEPREFIX}", local.getParent().toString());
        Path launcher = Files.writeString(local.resolve("focus"), subst.apply(port.get("files/focus.sh")));
        Files.writeString(local.resolve("javaPathHelper"), """
                [ "$1 $2" = "-c jicofo" ] || { echo "Can not set JAVACMD. Package name not found: $2" >&2; exit 1; }
                echo "${JAVA_HOME:-/nonexistent}/bin/java"
                """);
        Files.writeString(jdk.resolve("java"), "echo \"$0 $*\"\n");
        for (Path p : List.of(launcher, local.resolve("javaPathHelper"), jdk.resolve("java"))) {
            p.toFile().setExecutable(true);
        }
        Files.writeString(etc.resolve("focus.in.sh"), "JAVA_HOME=" + jdk.getParent() + "\n");

        String javaLine = sh(launcher.toString(), "--host", "xmpp.example.org").strip();
        assertTrue(javaLine.startsWith(jdk.resolve("java") + " -Xmx1G "), javaLine);
        assertTrue(javaLine.contains(" -Djava.util.logging.config.file=" + etc.resolve("logging.properties") + " "), javaLine);
        assertTrue(javaLine.endsWith(" org.jitsi.jicofo.Main --host xmpp.example.org"), "flags passed on: " + javaLine);

        // rc.subr: pgrep -xf "${pexp}", an extended regular expression matched against the whole command line.
        Path rc = Files.writeString(tmp.resolve("rc"), subst.apply(port.get("pkg/focus.rc"))
                .replace(". /etc/rc.d/rc.subr", "").replace("rc_cmd $1", "printf '%s' \"$pexp\""));
        String pexp = sh(rc.toString());
        assertTrue(javaLine.matches(pexp), pexp + " does not match " + javaLine);
    }

    private static String sh(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sh"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
