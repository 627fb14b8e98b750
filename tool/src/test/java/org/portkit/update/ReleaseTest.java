package org.portkit.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.port.kind.PortSpec;
import org.portkit.workspace.Tree;

/** The update blocks of the real specs, and what a spec's update block may say. */
class ReleaseTest {
    static final Path JICOFO = Path.of("..", "specs", "net", "jicofo");
    static final Path BRIDGE = Path.of("..", "specs", "net", "jitsi-videobridge");
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void jicofoTakesTheNumberOfItsTag() {
        Release r = Release.of(Tree.spec(JICOFO), "11200", null);
        assertEquals("2.0.11200", r.version());
        assertEquals(Map.of("version", "2.0.11200", "source.dist-tuple", "github jitsi jicofo jitsi-meet_11200 ."), r.values());
        assertStatus(Failure.USAGE, "drop --version", () -> Release.of(Tree.spec(JICOFO), "11200", "2.0.11200"));
        assertStatus(Failure.BAD_INPUT, "already at 2.0.11146", () -> Release.of(Tree.spec(JICOFO), "11146", null));
        assertStatus(Failure.USAGE, "not one word", () -> Release.of(Tree.spec(JICOFO), "../11200", null));
    }

    @Test
    void theBridgeTakesAFullCommitAndTheVersion() {
        PortSpec bridge = Tree.spec(BRIDGE);
        Release r = Release.of(bridge, COMMIT, "2.0.11200");
        assertEquals(Map.of("version", "2.0.11200", "source.dist-tuple", "github jitsi jitsi-videobridge " + COMMIT + " ."),
                r.values());
        assertStatus(Failure.USAGE, "give it with --version", () -> Release.of(bridge, COMMIT, null));
        assertStatus(Failure.USAGE, "give the full 40-hex commit id, not '0123456'",
                () -> Release.of(bridge, "0123456", "2.0.11200"));
        assertStatus(Failure.USAGE, "not '" + "jitsi-meet_11200" + "'",
                () -> Release.of(bridge, "jitsi-meet_11200", "2.0.11200"));
    }

    @Test
    void aSpecWithoutAnUpdateBlockSaysWhereToReadAboutIt() throws IOException {
        PortSpec spec = Tree.spec(JICOFO, jicofo().replaceAll("(?m)^update .*$", ""));
        assertStatus(Failure.BAD_INPUT, "has no update { } block", () -> Release.of(spec, "11200", null));
    }

    @Test
    void theUpdateBlockIsCheckedWithTheSpec() throws IOException {
        String text = jicofo();
        for (String[] bad : new String[][] {
                {"update { version = \"2.0.{arg}\", tag = \"jitsi-meet_{arg}\" }", "keys: [version, id, site, file]"},
                {"update { version = \"2.0.{arg}\", file = \"jicofo-{version}.tar.gz\" }", "a dist-tuple source is updated by 'id'"},
                {"update { version = \"2.0.{version}\", id = \"jitsi-meet_{arg}\" }", "the version cannot name itself"},
                {"update { version = \"2.0.{arg}\", id = \"jitsi-meet_{n}\" }", "update.id: a template of {arg}"},
                {"update { version = \"2.0.{arg}\", id = \"stable\" }", "update.id: a template of {arg}"}}) {
            String spec = text.replaceAll("(?m)^update .*$", bad[0]);
            assertStatus(Failure.BAD_INPUT, bad[1], () -> Tree.spec(JICOFO, spec));
        }
    }

    private static String jicofo() throws IOException {
        return Files.readString(JICOFO.resolve("port.conf"));
    }

    private static void assertStatus(Failure status, String message, Executable run) {
        PortkitException e = assertThrows(PortkitException.class, run);
        assertEquals(status, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
