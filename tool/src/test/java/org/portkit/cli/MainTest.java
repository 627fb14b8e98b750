package org.portkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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

    @Test
    void theListOfCommandsShowsWholeSentences() {
        org.portkit.fixture.PortkitRun run = org.portkit.fixture.PortkitRun.of("--help");
        String commands = run.out().substring(run.out().indexOf("Commands:"), run.out().indexOf("Exit status:"));
        // Each command's summary, its wrapped lines joined, ends a sentence.
        for (String summary : commands.split("\n  (?=[a-z])")) {
            if (!summary.startsWith("Commands:")) {
                assertTrue(summary.strip().replaceAll("\\s+", " ").matches(".*[.)]"), "cut mid-sentence: " + summary);
            }
        }
        assertTrue(!run.out().contains("null/m2"), "no picocli variable left unescaped");
        assertEquals(List.of("One.", "Two three, four.", "  an example", "Five."),
                List.of(Main.summaryFirst(new String[] {"One. Two", "three, four.", "  an example", "Five."})));
    }
}
