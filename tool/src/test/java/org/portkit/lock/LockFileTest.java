package org.portkit.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

class LockFileTest {
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    static Lock sample() {
        TreeMap<String, String> repos = new TreeMap<>();
        repos.put("jitsi", "https://example.org/releases/");
        repos.put("central", "https://central.example/maven2/");
        TreeSet<LockEntry> files = new TreeSet<>();
        files.add(new LockEntry("jitsi", "org/igniterealtime/smack/smack-core/4.4.8-jitsi-1/smack-core-4.4.8-jitsi-1.jar", B, 20));
        files.add(new LockEntry("central", "org/apache/apache/35/apache-35.pom", A, 10));
        TreeSet<PluginPrefix> prefixes = new TreeSet<>();
        prefixes.add(new PluginPrefix("org.apache.maven.plugins", "jar", "maven-jar-plugin"));
        return new Lock("3.9.16", List.of("-DskipTests", "-Pfat jar", "package"), repos, prefixes,
                new TreeSet<>(List.of("org/jxmpp/jxmpp-core")), files);
    }

    @Test
    void roundTripsAndIsSortedWhateverTheInsertionOrder() {
        String text = LockFile.render(sample());
        assertEquals(sample(), LockFile.parse("x", text.lines().toList()));
        assertTrue(text.indexOf("repository central") < text.indexOf("repository jitsi"));
        assertTrue(text.indexOf("org/apache/apache/35") < text.indexOf("org/igniterealtime"), text);
        assertTrue(text.contains("arg -Pfat jar\n"), "arguments keep their spaces and order");

        Lock pinned = sample().withSources(List.of(new SourceDistfile("jitsi-jicofo-jitsi-meet_11146.tar.gz", A, 1234)));
        String withSource = LockFile.render(pinned);
        assertTrue(withSource.contains("\nsource jitsi-jicofo-jitsi-meet_11146.tar.gz " + A + " 1234\n"), withSource);
        assertEquals(pinned, LockFile.parse("x", withSource.lines().toList()));
    }

    @Test
    void targetLineRoundTripsAfterTheMavenLineAndIsGivenOnce() {
        Lock forOpenBsd = sample().withTarget("OpenBSD amd64");
        String text = LockFile.render(forOpenBsd);
        assertTrue(text.contains("\nmaven 3.9.16\ntarget OpenBSD amd64\narg -DskipTests\n"), text);
        assertEquals(forOpenBsd, LockFile.parse("x", text.lines().toList()));
        PortkitException twice = assertThrows(PortkitException.class,
                () -> LockFile.parse("x", (text + "target Linux amd64\n").lines().toList()));
        assertEquals(Failure.BAD_INPUT, twice.kind());
        assertThrows(PortkitException.class, () -> LockFile.parse("x", List.of("maven 3.9.16", "target OpenBSD")));
    }

    @Test
    void licenseLinesRoundTripSortedAfterTheFiles() {
        Lock licensed = sample().withLicenses(Map.of(
                "org.igniterealtime.smack:smack-core:4.4.8-jitsi-1", License.spdx("Apache-2.0"),
                "jakarta.annotation:jakarta.annotation-api:2.1.1", License.spdx("EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
                "org.bouncycastle:bcprov-jdk18on:1.78", License.unknown("Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>"),
                "org.jitsi:jicoco:1.1", License.unknown("not fetched")));
        String text = LockFile.render(licensed);
        assertTrue(text.endsWith("""
                license jakarta.annotation:jakarta.annotation-api:2.1.1 EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0
                license org.bouncycastle:bcprov-jdk18on:1.78 UNKNOWN Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>
                license org.igniterealtime.smack:smack-core:4.4.8-jitsi-1 Apache-2.0
                license org.jitsi:jicoco:1.1 UNKNOWN not fetched
                """), text);
        assertEquals(licensed, LockFile.parse("x", text.lines().toList()));
        assertEquals(licensed.licenses(), licensed.withSources(List.of()).licenses(), "other changes keep the licenses");
    }

    @Test
    void malformedLicenseLinesAreRejected() {
        for (String bad : List.of("license org.x:x:1", "license org.x:x UNKNOWN odd", "license org.x:x:1 UNKNOWN",
                "license org.x:x:1 UNKNOWN  ")) {
            List<String> lines = List.of("maven 3.9.16", bad);
            PortkitException e = assertThrows(PortkitException.class, () -> LockFile.parse("l", lines), bad);
            assertEquals(Failure.BAD_INPUT, e.kind());
        }
        List<String> twice = List.of("maven 3.9.16", "license a:b:1 MIT", "license a:b:1 ISC");
        assertThrows(PortkitException.class, () -> LockFile.parse("l", twice));
    }

    @Test
    void malformedLineNamesFileAndLine() {
        List<String> lines = new java.util.ArrayList<>(LockFile.render(sample()).lines().toList());
        lines.add("file central org/x/x/1/x-1.jar nothex 3");
        PortkitException e = assertThrows(PortkitException.class, () -> LockFile.parse("ports/net/jicofo/portkit.lock", lines));
        assertEquals(Failure.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("ports/net/jicofo/portkit.lock:" + lines.size() + ":"), e.getMessage());
    }

    @Test
    void fileFromUndeclaredRepositoryIsRejected() {
        List<String> lines = List.of("maven 3.9.16", "file nowhere org/x/x/1/x-1.jar " + A + " 3");
        PortkitException e = assertThrows(PortkitException.class, () -> LockFile.parse("l", lines));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void pathsMayNotEscapeTheRepository() {
        assertThrows(IllegalArgumentException.class, () -> new LockEntry("central", "../etc/passwd", A, 1));
        assertThrows(IllegalArgumentException.class, () -> new LockEntry("central", "/etc/passwd", A, 1));
    }
}
