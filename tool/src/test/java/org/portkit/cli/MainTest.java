package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    @Test
    void exitStatusesAreDistinct() {
        assertEquals(ExitStatus.values().length,
                java.util.Arrays.stream(ExitStatus.values()).mapToInt(s -> s.code).distinct().count());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Main.run("resolve"));
        assertEquals(2, Main.run("no-such-command"));
        assertEquals(0, Main.run("--help"));
    }

    @Test
    void missingSourceExitsWithThree() {
        assertEquals(3, Main.run("resolve", tmp.resolve("nowhere").toString(), "--cache", tmp.resolve("c").toString(),
                "--java-home", System.getProperty("java.home")));
    }
}
