package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Drop-in for the tree's net/jitsi ports: the same package names, users and ids (registered in
     * infrastructure/db/user.list for net/jitsi/*), @pkgpath so that pkg_add -u moves installed
     * systems over, and the bridge's native SRTP as in net/jitsi/videobridge.
     */
    @Test
    void jitsiPortsReplaceTheTreesOwn() throws java.io.IOException {
        Path ports = Path.of("..", "ports", "net").toAbsolutePath().normalize();
        for (String[] p : new String[][] {{"jicofo", "jicofo", "net/jitsi/jicofo", "_jicofo:533"},
                {"jitsi-videobridge", "jitsi-videobridge", "net/jitsi/videobridge", "_jvb:534"}}) {
            String plist = Files.readString(ports.resolve(p[0]).resolve("pkg/PLIST"));
            String makefile = Files.readString(ports.resolve(p[0]).resolve("Makefile"));
            assertTrue(makefile.contains("\nPKGNAME =\t" + p[1] + "-${V}\n"), makefile);
            assertTrue(plist.startsWith("@pkgpath " + p[2] + "\n@newgroup " + p[3] + "\n"), plist);
            assertTrue(plist.contains("\n@newuser " + p[3] + ":" + p[3].split(":")[1] + "::"), plist);
        }
        String bridge = Files.readString(ports.resolve("jitsi-videobridge/Makefile"));
        assertTrue(bridge.contains("RUN_DEPENDS =\tjava/javaPathHelper \\\n\t\tnet/jitsi/srtp\n"), bridge);
    }
}
