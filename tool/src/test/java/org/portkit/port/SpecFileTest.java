package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.PortkitRun;
import org.portkit.io.AtomicFiles;
import org.portkit.lock.LockFile;
import org.portkit.port.kind.PortSpec;
import org.portkit.workspace.Tree;

/** port.conf is read strictly: what a maintainer mistypes is an error naming the file and the line to edit. */
class SpecFileTest {
    @TempDir
    Path tmp;

    Path spec;

    @BeforeEach
    void spec() throws IOException {
        spec = Files.createDirectories(tmp.resolve("specs/net/jicofo"));
        Files.writeString(spec.resolve("jicofo.conf"), "jicofo { }\n");
    }

    /** The failure {@code text} is as the spec in {@code spec}. */
    private PortkitException refused(String text) {
        PortkitException e = assertThrows(PortkitException.class, () -> Tree.spec(spec, text));
        assertEquals(Failure.BAD_INPUT, e.kind(), e.getMessage());
        return e;
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), message);
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLine() {
        String file = spec.resolve("port.conf").toString();
        assertContains(file + ": 22: maven-argz: unknown key", refused(PortGeneratorTest.SPEC + "maven-argz = [package]\n")
                .getMessage());
        assertContains(file + ": 16: daemon.usr: unknown key", refused(PortGeneratorTest.SPEC.replace("  user = _jicofo\n",
                "  usr = _jicofo\n  user = _jicofo\n")).getMessage());
        assertContains(": 22: kind: one of daemon, app, meta", refused(PortGeneratorTest.SPEC + "kind = metta\n").getMessage());
    }

    @Test
    void aKeySetTwiceIsAnErrorNamingBothLines() {
        String file = spec.resolve("port.conf").toString();
        assertContains(file + ": 3: name: set twice (again on line 22)",
                refused(PortGeneratorTest.SPEC + "name = jicofo2\n").getMessage());
        assertContains(file + ": 16: daemon.user: set twice",
                refused(PortGeneratorTest.SPEC + "daemon { user = _other }\n").getMessage());
    }

    @Test
    void aMissingKeyIsNamedWithTheFileNotAtLineOne() {
        String file = spec.resolve("port.conf").toString();
        String noJar = refused(PortGeneratorTest.SPEC.replaceAll("(?m)^jar = .*\n", "")).getMessage();
        assertContains(file + ": no jar (a daemon spec needs one)", noJar);
        assertFalse(noJar.contains(": 1:"), noJar);
        assertContains(file + ": 15: daemon: no user (a daemon spec needs one)",
                refused(PortGeneratorTest.SPEC.replace("  user = _jicofo\n", "")).getMessage());
    }

    @Test
    void valuesThatBecomePathsCannotLeaveTheirDirectory() throws IOException {
        Files.writeString(tmp.resolve("specs/secret"), "not a sample\n");
        for (String[] bad : new String[][] {
                {"category = net", "category = \"../../outside\"", "category: one name"},
                {"name = jicofo", "name = \"jicofo/../../x\"", "name: one name"},
                {"version = \"2.0.11146\"", "version = \"../1\"", "version: one name"},
                {"jar = \"jicofo/target", "jar = \"../../../../etc/passwd\" #", "jar: a relative path"},
                {"config = [jicofo.conf]", "config = [jicofo.conf, \"../../secret\"]", "daemon.config: a relative path"},
                {"source { dist-tuple = \"github jitsi jicofo jitsi-meet_11146 .\" }",
                        "source { site = \"https://example.org/\", file = \"../app.tar.gz\" }", "source.file: one name"},
                {"source { dist-tuple = \"github jitsi jicofo jitsi-meet_11146 .\" }",
                        "source { dist-tuple = \"github .. jicofo jitsi-meet_11146 .\" }", "source.dist-tuple: one name"}}) {
            assertTrue(PortGeneratorTest.SPEC.contains(bad[0]), bad[0]);
            assertContains(bad[2], refused(PortGeneratorTest.SPEC.replace(bad[0], bad[1])).getMessage());
        }
    }

    @Test
    void generateNeverWritesOutsidePorts() throws IOException {
        // ports/../../NAME is a sibling of the portkit tree, where a user's files are.
        Path victim = tmp.resolveSibling(tmp.getFileName() + "-victim");
        Files.writeString(spec.resolve("port.conf"), PortGeneratorTest.SPEC.replace("category = net",
                "category = \"../../" + victim.getFileName() + "\""));
        LockFile.write(MavenDistfilesTest.lock(), spec.resolve("portkit.lock"));
        Files.writeString(Files.createDirectories(victim.resolve("jicofo")).resolve("keep"), "a user's file\n");
        try {
            PortkitRun generate = PortkitRun.of("generate", "--root", tmp.toString());
            assertEquals(3, generate.status(), generate.err());
            assertContains("category: one name", generate.err());
            assertEquals("a user's file\n", Files.readString(victim.resolve("jicofo/keep")));
        } finally {
            AtomicFiles.deleteTree(victim);
        }
    }

    @Test
    void aMissingLockSaysWhichFileAndWhichCommand() throws IOException {
        Files.writeString(spec.resolve("port.conf"), PortGeneratorTest.SPEC);
        PortkitRun generate = PortkitRun.of("generate", "--root", tmp.toString());
        assertEquals(3, generate.status(), generate.err());
        assertContains("net/jicofo has no lock yet: " + spec.resolve("portkit.lock") + " does not exist;"
                + " run 'portkit lock " + spec + "'", generate.err());
    }

    /**
     * Every key line of the real specs, set twice or with its key mistyped: either the spec means
     * exactly what it meant, or it is refused as bad input naming the file; never another failure.
     */
    @Test
    void editsOfTheRealSpecsAreRefusedOrMeanTheSame() throws IOException {
        int refused = 0;
        for (String port : List.of("net/jicofo", "net/jitsi-videobridge", "www/jitsi-meta")) {
            Path dir = Path.of("..", "specs", port);
            String text = Files.readString(dir.resolve("port.conf"));
            PortSpec original = Tree.spec(dir, text);
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.matches("\\s*[A-Za-z][A-Za-z0-9-]*\\s*[={].*")) {
                    continue;
                }
                int key = line.indexOf(line.strip()) + 1;
                for (String edited : List.of(line + "\n" + line, line.substring(0, key) + "x" + line.substring(key))) {
                    List<String> copy = new ArrayList<>(lines);
                    copy.set(i, edited);
                    String variant = String.join("\n", copy) + "\n";
                    try {
                        assertEquals(original, Tree.spec(dir, variant), port + " line " + (i + 1) + " as " + edited);
                    } catch (PortkitException e) {
                        assertEquals(Failure.BAD_INPUT, e.kind(), e.getMessage());
                        assertContains("bad port spec: " + dir.resolve("port.conf"), e.getMessage());
                        refused++;
                    }
                }
            }
        }
        assertTrue(refused > 50, "refused " + refused);
    }
}
