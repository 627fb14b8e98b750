package org.portkit.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.port.kind.DaemonPort;
import org.portkit.port.kind.MavenBuild;
import org.portkit.workspace.Tree;

class SpecEditTest {
    static final Path JICOFO = Path.of("..", "specs", "net", "jicofo");

    @Test
    void theRealSpecKeepsEveryLineButTheTwoValues() throws IOException {
        String text = Files.readString(JICOFO.resolve("port.conf"));
        String edited = SpecEdit.apply(text, "port.conf", Release.of(Tree.spec(JICOFO, text), "11200", null).values());

        List<String> before = text.lines().toList();
        List<String> after = edited.lines().toList();
        assertEquals(before.size(), after.size());
        assertEquals(List.of("version = \"2.0.11200\"", "source { dist-tuple = \"github jitsi jicofo jitsi-meet_11200 .\" }"),
                IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i))).mapToObj(after::get).toList());
        assertTrue(edited.endsWith("}\n"));
        MavenBuild spec = ((DaemonPort) Tree.spec(JICOFO, edited)).build();
        assertEquals("2.0.11200", spec.header().version());
        assertEquals("github jitsi jicofo jitsi-meet_11200 .", spec.source());
    }

    @Test
    void valuesSharingALineQuotedOrPlainAndCrLfLineEnds() {
        String text = "a = 1\r\n"
                + "source { site = \"https://example.org/1.1/\", file = \"app-1.1.tar.gz\" } # both here\r\n"
                + "version = 1.1 // plain\r\n";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", "1.2");
        values.put("source.site", "https://example.org/1.2/");
        values.put("source.file", "app-1.2.tar.gz");
        assertEquals("a = 1\r\n"
                + "source { site = \"https://example.org/1.2/\", file = \"app-1.2.tar.gz\" } # both here\r\n"
                + "version = \"1.2\" // plain\r\n", SpecEdit.apply(text, "port.conf", values));
    }

    @Test
    void aDottedKeyAndAValueSetTwiceEditTheLineThatCounts() {
        String text = "source.file = \"app-1.0.tar.gz\"\nsource.file = \"app-1.1.tar.gz\"\n";
        assertEquals("source.file = \"app-1.0.tar.gz\"\nsource.file = \"app-1.2.tar.gz\"\n",
                SpecEdit.apply(text, "port.conf", Map.of("source.file", "app-1.2.tar.gz")));
    }

    @Test
    void whatIsNotOneValueOnOneLineIsLeftToTheMaintainer() {
        for (String text : List.of("version = \"\"\"1.1\"\"\"\n", "version = 1 .1\n", "version = \"1\" \"1\"\n",
                "a { version = \"1.1\" }, version = \"1.1\"\n")) {
            PortkitException e = assertThrows(PortkitException.class,
                    () -> SpecEdit.apply(text, "port.conf", Map.of("version", "1.2")), text);
            assertEquals(Failure.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("port.conf: 1: cannot edit version in place"), e.getMessage());
        }
    }
}
