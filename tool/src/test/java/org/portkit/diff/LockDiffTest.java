package org.portkit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.fixture.PortkitRun;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;

class LockDiffTest {
    @TempDir
    Path tmp;

    static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    static final String OLD = """
            maven 3.9.16
            arg -DskipTests
            arg package
            repository central https://repo.maven.apache.org/maven2/
            file central org/apache/apache/35/apache-35.pom %1$s 10
            file central org/ow2/asm/asm/9.6/asm-9.6.jar %2$s 125000
            file central org/ow2/asm/asm/9.6/asm-9.6.pom %3$s 2000
            file central org/old/gone/0.9/gone-0.9.jar %4$s 50000
            file central org/old/gone/0.9/gone-0.9.pom %5$s 1000
            file central com/example/same/1.0/same-1.0.jar %6$s 1234
            file central org/codehaus/plexus/plexus-utils/3.9/plexus-utils-3.9.jar %7$s 1000000
            file central org/codehaus/plexus/plexus-utils/3.10/plexus-utils-3.10.jar %8$s 1000000
            """.formatted(sha('a'), sha('b'), sha('c'), sha('d'), sha('e'), sha('f'), sha('1'), sha('2'));

    static final String NEW = """
            maven 3.9.16
            arg -DskipTests
            arg package
            repository central https://repo.maven.apache.org/maven2/
            repository jitsi https://example.org/jitsi/releases/
            unverified jitsi org/jitsi/jicoco/1.1/jicoco-1.1.jar unreachable: unknown host example.org
            file central org/apache/apache/35/apache-35.pom %1$s 10
            file central org/ow2/asm/asm/9.7/asm-9.7.jar %2$s 126000
            file central org/ow2/asm/asm/9.7/asm-9.7.pom %3$s 2000
            file jitsi org/jitsi/smack-core/4.4.8-jitsi-1/smack-core-4.4.8-jitsi-1.jar %4$s 3000000
            file jitsi org/jitsi/smack-core/4.4.8-jitsi-1/smack-core-4.4.8-jitsi-1.pom %5$s 1500
            file central com/example/same/1.0/same-1.0.jar %6$s 1234
            file central com/example/same/1.0/same-1.0-sources.jar %7$s 900
            file central org/codehaus/plexus/plexus-utils/3.10/plexus-utils-3.10.jar %8$s 1000000
            file central org/codehaus/plexus/plexus-utils/3.11/plexus-utils-3.11.jar %9$s 1000000
            """.formatted(sha('a'), sha('7'), sha('8'), sha('9'), sha('0'), sha('3'), sha('4'), sha('2'), sha('5'));

    static Lock parse(String text) {
        return LockFile.parse("test", text.lines().toList());
    }

    static final String TEXT = """
            net/jicofo
              Download: 8 files, 2.2 MB (2179244 bytes) -> 9 files, 5.1 MB (5131644 bytes)
              Unverified files: 0 -> 1
              Added (1):
                org.jitsi:smack-core 4.4.8-jitsi-1 (jar, pom)
              Removed (1):
                org.old:gone 0.9 (jar, pom)
              Versions changed (2):
                org.codehaus.plexus:plexus-utils 3.9, 3.10 -> 3.10, 3.11
                org.ow2.asm:asm 9.6 -> 9.7
              Changed in place (1):
                com.example:same 1.0
                  1.0 jar has other bytes
                  1.0 sources:jar added
              Repositories added (1):
                jitsi https://example.org/jitsi/releases/
            """;

    @Test
    void aChangelogPerArtifactWithVersionsInMavenOrder() {
        LockDiff diff = LockDiff.between(parse(OLD), parse(NEW));
        assertEquals(TEXT, Changelog.render(List.of(new Changelog.Port("net/jicofo", diff)), false));
    }

    @Test
    void markdownForTheSameChanges() {
        LockDiff diff = LockDiff.between(parse(OLD), parse(NEW));
        assertEquals("""
                ### net/jicofo

                - Download: 8 files, 2.2 MB (2179244 bytes) -> 9 files, 5.1 MB (5131644 bytes)
                - Unverified files: 0 -> 1

                **Added (1)**

                - `org.jitsi:smack-core` 4.4.8-jitsi-1 (jar, pom)

                **Removed (1)**

                - `org.old:gone` 0.9 (jar, pom)

                **Versions changed (2)**

                - `org.codehaus.plexus:plexus-utils` 3.9, 3.10 -> 3.10, 3.11
                - `org.ow2.asm:asm` 9.6 -> 9.7

                **Changed in place (1)**

                - `com.example:same` 1.0
                  - 1.0 jar has other bytes
                  - 1.0 sources:jar added

                **Repositories added (1)**

                - `jitsi` https://example.org/jitsi/releases/
                """, Changelog.render(List.of(new Changelog.Port("net/jicofo", diff)), true));
    }

    @Test
    void theSameLockHasNoChangesAndTheReverseDropsTheRepository() {
        assertEquals("net/jicofo: no changes (8 files, 2.2 MB (2179244 bytes))\n",
                Changelog.render(List.of(new Changelog.Port("net/jicofo", LockDiff.between(parse(OLD), parse(OLD)))), false));
        LockDiff back = LockDiff.between(parse(NEW), parse(OLD));
        assertEquals(List.of("jitsi https://example.org/jitsi/releases/"), List.copyOf(back.repositoriesDropped()));
        assertTrue(back.repositoriesAdded().isEmpty());
    }

    @Test
    void pinnedDistfilesOfAMetaPortAreCompared() {
        Lock before = parse("source web-1.0.tar.bz2 " + sha('a') + " 10\nsource plugins-1.0.tar.gz " + sha('b') + " 20\n");
        Lock after = parse("source web-1.0.tar.bz2 " + sha('c') + " 10\nsource web-2.0.tar.bz2 " + sha('d') + " 30\n");
        assertEquals("""
                www/jitsi-meta
                  Download: 0 files, 0.0 MB (0 bytes) -> 0 files, 0.0 MB (0 bytes)
                  Distfiles (3):
                    plugins-1.0.tar.gz no longer pinned
                    web-1.0.tar.bz2 has other bytes
                    web-2.0.tar.bz2 pinned (30 bytes)
                """, Changelog.render(List.of(new Changelog.Port("www/jitsi-meta", LockDiff.between(before, after))), false));
    }

    @Test
    void theSameBytesFromAnotherRepositoryAreNamed() {
        Lock moved = parse(OLD.replace("file central org/old/gone/0.9/gone-0.9.jar", "file jitsi org/old/gone/0.9/gone-0.9.jar")
                + "repository jitsi https://example.org/jitsi/releases/\n");
        LockDiff diff = LockDiff.between(parse(OLD), moved);
        assertEquals(List.of(new LockDiff.ArtifactChange(LockDiff.Kind.CHANGED, "org.old:gone", List.of("0.9"), List.of("0.9"),
                List.of("0.9 jar now from jitsi (was central)"))), diff.artifacts());
    }

    static final String OLD_LICENSES = """
            license org.ow2.asm:asm:9.6 BSD-3-Clause
            license com.example:same:1.0 UNKNOWN not fetched
            license org.codehaus.plexus:plexus-utils:3.9 Apache-2.0
            license org.codehaus.plexus:plexus-utils:3.10 Apache-2.0
            license org.old:gone:0.9 MIT
            """;

    static final String NEW_LICENSES = """
            license org.ow2.asm:asm:9.7 BSD-3-Clause
            license com.example:same:1.0 MIT
            license org.codehaus.plexus:plexus-utils:3.10 Apache-2.0
            license org.codehaus.plexus:plexus-utils:3.11 BUSL-1.1
            license org.jitsi:smack-core:4.4.8-jitsi-1 UNKNOWN not fetched
            """;

    @Test
    void licensesThatChangedAreListedAndAnUpgradeUnderTheSameLicenseIsNot() {
        LockDiff diff = LockDiff.between(parse(OLD + OLD_LICENSES), parse(NEW + NEW_LICENSES));
        assertEquals(List.of(
                new LockDiff.LicenseChange("com.example:same", "UNKNOWN not fetched", "MIT"),
                new LockDiff.LicenseChange("org.codehaus.plexus:plexus-utils", "Apache-2.0", "3.10: Apache-2.0; 3.11: BUSL-1.1")),
                diff.licenses());
        String text = Changelog.render(List.of(new Changelog.Port("net/jicofo", diff)), false);
        assertTrue(text.contains("""
                  Licenses changed (2):
                    com.example:same UNKNOWN not fetched -> MIT
                    org.codehaus.plexus:plexus-utils Apache-2.0 -> 3.10: Apache-2.0; 3.11: BUSL-1.1
                  Repositories added (1):
                """), text);
        String markdown = Changelog.render(List.of(new Changelog.Port("net/jicofo", diff)), true);
        assertTrue(markdown.contains("""
                **Licenses changed (2)**

                - `com.example:same` UNKNOWN not fetched -> MIT
                - `org.codehaus.plexus:plexus-utils` Apache-2.0 -> 3.10: Apache-2.0; 3.11: BUSL-1.1
                """), markdown);
    }

    @Test
    void aLicenseChangeAloneIsAChangeAndALockWithoutLicensesReportsNone() {
        String same = OLD + "license org.ow2.asm:asm:9.6 BSD-3-Clause\n";
        LockDiff relicensed = LockDiff.between(parse(same), parse(OLD + "license org.ow2.asm:asm:9.6 UNKNOWN Proprietary\n"));
        assertEquals(List.of(new LockDiff.LicenseChange("org.ow2.asm:asm", "BSD-3-Clause", "UNKNOWN Proprietary")),
                relicensed.licenses());
        assertTrue(!relicensed.isEmpty() && relicensed.artifacts().isEmpty());
        assertTrue(LockDiff.between(parse(OLD), parse(same)).isEmpty(), "recording licenses for the first time is no change");
    }

    @Test
    void theCommandComparesTwoLockFilesAndExitsZero() throws IOException {
        Path old = Files.writeString(tmp.resolve("old.lock"), OLD);
        Path now = Files.writeString(tmp.resolve("new.lock"), NEW);
        PortkitRun run = PortkitRun.of("diff", old.toString(), now.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(TEXT.replace("net/jicofo", now.toString()), run.out());
        assertEquals(0, PortkitRun.of("diff", old.toString(), old.toString()).status());
        assertEquals(2, PortkitRun.of("diff", old.toString()).status(), "one lock is a usage error");
    }
}
