package org.portkit.closure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.portkit.io.Hashing;

/** What the cache keeps is named by the code that made it: here, the classes' directory of this build. */
class ToolDigestTest {
    @Test
    void namesTheRunningCodeByItsBytes() throws Exception {
        Path classes = Path.of(ToolDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(classes.endsWith(Path.of("target", "classes")), "the tests run portkit from its classes: " + classes);
        assertEquals("tree " + Hashing.tree(classes), ToolDigest.value());
    }
}
