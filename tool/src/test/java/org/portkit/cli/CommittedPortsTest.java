package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ports committed under ports/ are exactly what their specs and locks generate, and lint clean. */
class CommittedPortsTest {
    @Test
    void committedPortsAreCurrent() {
        // Surefire runs in tool/; the portkit tree is its parent.
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertEquals(true, Files.isDirectory(root.resolve("specs")), "no specs/ in " + root);
        assertEquals(0, Main.run("check", "--root", root.toString()), "run ./portkit check to see why");
    }
}
