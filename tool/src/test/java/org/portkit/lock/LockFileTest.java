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

        Lock runtime = sample().withRuntime(List.of("org.igniterealtime.smack:smack-core:4.4.8-jitsi-1"));
        String withRuntime = LockFile.render(runtime);
        assertTrue(withRuntime.endsWith("\nruntime org.igniterealtime.smack:smack-core:4.4.8-jitsi-1\n"), withRuntime);
        assertEquals(runtime, LockFile.parse("x", withRuntime.lines().toList()));

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

    private static PortkitException refused(List<String> lines) {
        PortkitException e = assertThrows(PortkitException.class, () -> LockFile.parse("x.lock", lines), lines.toString());
        assertEquals(Failure.BAD_INPUT, e.kind());
        return e;
    }

    @Test
    void anEmptyLockADuplicateLineAndAClosureWithoutFilesAreRefusedWithFileAndLine() {
        assertTrue(refused(List.of()).getMessage().startsWith("x.lock:1: an empty lock"));
        assertTrue(refused(List.of("", "")).getMessage().startsWith("x.lock:1: an empty lock"));
        List<String> lines = new java.util.ArrayList<>(LockFile.render(sample()).lines().toList());
        lines.add(lines.get(lines.size() - 1));
        assertTrue(refused(lines).getMessage().startsWith("x.lock:" + lines.size() + ": malformed lock line (the same line as line "
                + (lines.size() - 1)), lines.toString());
        PortkitException onlyArgs = refused(List.of("# portkit lock: x", "maven 3.9.16", "arg -DskipTests", "arg package"));
        assertTrue(onlyArgs.getMessage().startsWith("x.lock:2: a Maven closure that pins no file"), onlyArgs.getMessage());
        assertTrue(refused(List.of("maven 3.9.16", "maven 3.9.9", "repository c https://c/", "file c a/b/1/b-1.jar " + A + " 1"))
                .getMessage().startsWith("x.lock:2:"));
        assertTrue(refused(List.of("maven 3.9.16", "repository c https://c/", "repository c https://d/",
                "file c a/b/1/b-1.jar " + A + " 1")).getMessage().startsWith("x.lock:3:"));
        assertTrue(refused(List.of("maven 3.9.16", "repository c https://c/", "# edited", "file c a/b/1/b-1.jar " + A + " 1"))
                .getMessage().startsWith("x.lock:3:"));
        assertTrue(refused(List.of("maven 3.9.16", "repository c https://c/", "file c a/b/1/b-1.jar " + A + " 1",
                "file c a/b/1/b-1.jar " + B + " 1")).getMessage().startsWith("x.lock:4:"), "one file, two digests");
    }

    @Test
    void aLockPortkitWroteForAMetaPortWithNothingFetchedYetIsItsHeaderAlone() {
        Lock none = Lock.ofDistfiles(List.of());
        assertEquals(none, LockFile.parse("x.lock", LockFile.render(none).lines().toList()));
    }

    /** Every kind of line, as a lock of a partially resolved project with sources and licenses has them. */
    static Lock rich() {
        Lock s = sample();
        TreeMap<String, String> repos = new TreeMap<>(s.repositories());
        TreeSet<Unverified> unverified = new TreeSet<>(List.of(
                new Unverified("jitsi", "org/jitsi/jicoco/1.1/jicoco-1.1.pom", "unreachable: unknown host github.com")));
        return new Lock(s.mavenVersion(), s.mavenArgs(), repos, s.prefixes(), s.metadata(), s.files(), unverified,
                List.of("the dependencies of unverified POMs are not known yet"),
                new TreeSet<>(List.of(new SourceDistfile("app-1.0.tar.gz", A, 1234))))
                .withLicenses(Map.of("org.igniterealtime.smack:smack-core:4.4.8-jitsi-1", License.spdx("Apache-2.0"),
                        "org.jitsi:jicoco:1.1", License.unknown("not fetched")));
    }

    /** The facts of a lock's text: its lines but comments and blank ones, in order for arguments, as a multiset otherwise. */
    private static List<String> facts(String text) {
        List<String> lines = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> args = lines.stream().filter(l -> l.startsWith("arg ")).toList();
        List<String> rest = lines.stream().filter(l -> !l.startsWith("arg ")).sorted().toList();
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(rest);
        return all;
    }

    /**
     * Random edits of a valid lock (a character deleted, inserted or replaced, a line doubled, two
     * lines joined or one split): each is either refused, as bad input naming the file and a line,
     * or accepted as exactly what its text says, which rendering it again shows line for line. An
     * edit that turns one valid value into another (a digit of a size, say) is such a text: the
     * checksum of the file catches it later. Never a stack trace, never a meaning the text does not show.
     */
    @Test
    void randomEditsOfAValidLockAreRefusedWithFileAndLineOrMeanExactlyWhatTheySay() {
        String valid = LockFile.render(rich());
        assertEquals(rich(), LockFile.parse("x", valid.lines().toList()));
        java.util.Random random = new java.util.Random(11);
        String alphabet = " \n#/:.-_0123456789abcdefz";
        int accepted = 0;
        for (int run = 0; run < 5000; run++) {
            StringBuilder text = new StringBuilder(valid);
            int edits = 1 + random.nextInt(2);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(5)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, c);
                    case 2 -> text.setCharAt(at, c);
                    case 3 -> {
                        List<String> lines = new java.util.ArrayList<>(text.toString().lines().toList());
                        int line = random.nextInt(lines.size());
                        lines.add(line, lines.get(line));
                        text = new StringBuilder(String.join("\n", lines)).append('\n');
                    }
                    default -> {
                        int nl = text.indexOf("\n", at);
                        if (nl >= 0 && nl < text.length() - 1) {
                            text.deleteCharAt(nl);
                        }
                    }
                }
            }
            String edited = text.toString();
            try {
                Lock lock = LockFile.parse("fuzz.lock", edited.lines().toList());
                accepted++;
                assertEquals(facts(edited), facts(LockFile.render(lock)), "accepted with another meaning:\n" + edited);
            } catch (PortkitException e) {
                assertEquals(Failure.BAD_INPUT, e.kind());
                assertTrue(e.getMessage().matches("(?s)fuzz\\.lock:[1-9][0-9]*: .*"), e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("not a portkit error for:\n" + edited, e);
            }
        }
        assertTrue(accepted > 0 && accepted < 5000, accepted + " of 5000 edits accepted: both outcomes are exercised");
    }
}
