package org.portkit.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.ExitStatus;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.fixture.PortkitRun;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.LockFile;
import org.portkit.lock.PluginPrefix;
import org.portkit.lock.Unverified;

class ClosureArchiveTest {
    @TempDir
    Path tmp;

    /** A path of more than 100 bytes, which a plain ustar name field cannot hold. */
    static final String LONG = "org/example/a-rather-long-group/with-more-parts/some-artifact-with-a-long-name/1.2.3-jre/"
            + "some-artifact-with-a-long-name-1.2.3-jre-sources.jar";

    /** Repository path to content, in the order a first repository is laid down. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("org/example/lib/1.0/lib-1.0.jar", "jar one");
        FILES.put("org/example/lib/1.0/lib-1.0.pom", "<project>lib 1.0</project>");
        FILES.put("org/example/lib/1.1/lib-1.1.jar", "jar two");
        FILES.put("org/example/lib/1.1/lib-1.1.pom", "<project>lib 1.1</project>");
        FILES.put("org/apache/maven/plugins/maven-dependency-plugin/3.8.1/maven-dependency-plugin-3.8.1.jar", "plugin");
        FILES.put(LONG, "sources");
    }

    /** Every entry the archive must hold, in order: directories, locked files, derived metadata. */
    static final List<String> ENTRIES = List.of(
            "m2/",
            "m2/org/",
            "m2/org/apache/",
            "m2/org/apache/maven/",
            "m2/org/apache/maven/plugins/",
            "m2/org/apache/maven/plugins/maven-dependency-plugin/",
            "m2/org/apache/maven/plugins/maven-dependency-plugin/3.8.1/",
            "m2/org/apache/maven/plugins/maven-dependency-plugin/3.8.1/maven-dependency-plugin-3.8.1.jar",
            "m2/org/apache/maven/plugins/maven-metadata-local.xml",
            "m2/org/example/",
            "m2/org/example/a-rather-long-group/",
            "m2/org/example/a-rather-long-group/with-more-parts/",
            "m2/org/example/a-rather-long-group/with-more-parts/some-artifact-with-a-long-name/",
            "m2/org/example/a-rather-long-group/with-more-parts/some-artifact-with-a-long-name/1.2.3-jre/",
            "m2/" + LONG,
            "m2/org/example/lib/",
            "m2/org/example/lib/1.0/",
            "m2/org/example/lib/1.0/lib-1.0.jar",
            "m2/org/example/lib/1.0/lib-1.0.pom",
            "m2/org/example/lib/1.1/",
            "m2/org/example/lib/1.1/lib-1.1.jar",
            "m2/org/example/lib/1.1/lib-1.1.pom",
            "m2/org/example/lib/maven-metadata-local.xml");

    static Lock lock() {
        TreeSet<LockEntry> files = new TreeSet<>();
        FILES.forEach((path, content) -> files.add(new LockEntry("central", path, sha256(content),
                content.getBytes(StandardCharsets.UTF_8).length)));
        TreeSet<PluginPrefix> prefixes = new TreeSet<>();
        prefixes.add(new PluginPrefix("org.apache.maven.plugins", "dependency", "maven-dependency-plugin"));
        return new Lock("3.9.16", List.of("package"), new TreeMap<>(Map.of("central", "https://repo.example/maven2/")),
                prefixes, new TreeSet<>(List.of("org/example/lib", "org/apache/maven/plugins")), files);
    }

    static String sha256(String content) {
        return java.util.HexFormat.of().formatHex(Hashing.digest("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lays the files down under {@code repo} in the given order, each with {@code mtime} and {@code mode}. */
    static Path repository(Path repo, List<String> order, Instant mtime, String mode) throws IOException {
        for (String path : order) {
            Path file = repo.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, FILES.get(path));
            Files.setLastModifiedTime(file, FileTime.from(mtime));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        return repo;
    }

    @Test
    void sameBytesWhateverTheSourceTreeClockZoneLocaleAndUser() throws IOException {
        Path a = repository(tmp.resolve("a/m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        // What a used repository also holds: Maven's bookkeeping files, which must not leak in.
        Files.writeString(a.resolve("org/example/lib/1.0/_remote.repositories"), "lib-1.0.jar>central=\n");
        Files.writeString(a.resolve("org/example/lib/1.1/lib-1.1.jar.lastUpdated"), "#" + Instant.now() + "\n");
        Files.writeString(a.resolve("org/example/lib/maven-metadata-central.xml"), "<metadata/>");
        Files.writeString(a.resolve("org/example/lib/resolver-status.properties"), "x=1\n");
        Path first = tmp.resolve("first.tar.gz");
        ClosureArchive.write(lock(), a, first);

        List<String> reversed = new ArrayList<>(FILES.keySet());
        java.util.Collections.reverse(reversed);
        Path b = repository(tmp.resolve("somewhere/else/repo"), reversed, Instant.parse("2001-02-03T04:05:06Z"), "rwx------");
        Path second = tmp.resolve("other-dir/second-name.tar.gz");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        String user = System.getProperty("user.name");
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Locale.setDefault(Locale.GERMANY);
            System.setProperty("user.name", "someone-else");
            ClosureArchive.write(lock(), b, second);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
            System.setProperty("user.name", user);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void holdsExactlyTheLockedFilesAndTheirMetadataWithFixedHeaders() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-rw-rw-");
        Path out = tmp.resolve("closure.tar.gz");
        ClosureArchive.Summary summary = ClosureArchive.write(lock(), repo, out);

        byte[] bytes = Files.readAllBytes(out);
        assertEquals(0, bytes[3], "gzip flags: no name, comment or extra field");
        assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(bytes, 4, 8), "gzip mtime 0");
        assertEquals((byte) 255, bytes[9], "gzip OS: unknown");

        List<String> names = new ArrayList<>();
        try (GzipCompressorInputStream gz = new GzipCompressorInputStream(new ByteArrayInputStream(bytes));
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            GzipParameters header = gz.getMetaData();
            assertEquals(0, header.getModificationTime());
            assertNull(header.getFileName());
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(0, e.getModTime().getTime(), e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals(0, e.getLongGroupId());
                assertEquals("root", e.getUserName());
                assertEquals("wheel", e.getGroupName());
                assertEquals(e.isDirectory() ? 0755 : 0644, e.getMode(), e.getName());
                String path = e.getName().substring(ClosureArchive.TOP.length());
                if (FILES.containsKey(path)) {
                    assertEquals(FILES.get(path), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (path.endsWith("maven-metadata-local.xml")) {
                    String xml = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(xml.contains(path.contains("example") ? "<version>1.1</version>" : "<prefix>dependency</prefix>"), xml);
                }
            }
        }
        assertEquals(ENTRIES, names);
        assertEquals(new ClosureArchive.Summary(6, 2, 15, bytes.length, Hashing.sha256(out)), summary);
    }

    @Test
    void aTamperedFileExitsWithFiveNamingItAndWritesNothing() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        Files.writeString(repo.resolve("org/example/lib/1.1/lib-1.1.jar"), "jar 2!!"); // same size, other bytes
        Path lockFile = tmp.resolve("portkit.lock");
        LockFile.write(lock(), lockFile);
        PortkitRun run = PortkitRun.of("archive", lockFile.toString(), tmp.resolve("out.tar.gz").toString(),
                "--repo", repo.toString());
        assertEquals(ExitStatus.CHECKSUM.code, run.status(), run.err());
        assertTrue(run.err().contains("org/example/lib/1.1/lib-1.1.jar"), run.err());
        assertTrue(run.err().contains("SHA-256"), run.err());
        try (var list = Files.list(tmp)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().contains("out.tar.gz")), "no archive, no temporary file");
        }
    }

    @Test
    void aFileOfTheWrongSizeIsAChecksumFailureToo() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        Files.writeString(repo.resolve("org/example/lib/1.0/lib-1.0.pom"), "<project/>");
        PortkitException e = assertThrows(PortkitException.class,
                () -> ClosureArchive.write(lock(), repo, tmp.resolve("out.tar.gz")));
        assertEquals(Failure.CHECKSUM, e.kind());
        assertTrue(e.getMessage().contains("org/example/lib/1.0/lib-1.0.pom"), e.getMessage());
    }

    @Test
    void aMissingFileExitsWithThreeAndSaysHowToWriteTheRepository() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        Files.delete(repo.resolve(LONG));
        Path lockFile = tmp.resolve("portkit.lock");
        LockFile.write(lock(), lockFile);
        PortkitRun run = PortkitRun.of("archive", lockFile.toString(), tmp.resolve("out.tar.gz").toString(),
                "--repo", repo.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, run.status(), run.err());
        assertTrue(run.err().contains(LONG), run.err());
        assertTrue(run.err().contains("portkit resolve --out"), run.err());
        assertFalse(Files.exists(tmp.resolve("out.tar.gz")));
    }

    @Test
    void aPartialLockIsRefused() {
        Lock complete = lock();
        TreeSet<Unverified> unverified = new TreeSet<>(List.of(new Unverified("central", "g/a/1/a-1.jar", "unreachable")));
        Lock partial = new Lock(complete.mavenVersion(), complete.mavenArgs(), complete.repositories(), complete.prefixes(),
                complete.metadata(), complete.files(), unverified, List.of("the dependencies of unverified POMs are not known yet"), new TreeSet<>());
        PortkitException e = assertThrows(PortkitException.class,
                () -> ClosureArchive.write(partial, tmp, tmp.resolve("out.tar.gz")));
        assertEquals(Failure.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("partial"), e.getMessage());
    }

    @Test
    void mavenBookkeepingFilesAreRecognised() {
        for (String path : List.of("g/a/1/_remote.repositories", "g/a/1/a-1.jar.lastUpdated", "g/a/resolver-status.properties",
                "g/a/maven-metadata-central.xml", ".meta/prefixes-central.txt")) {
            assertTrue(ClosureArchive.isVolatile(path), path);
        }
        for (String path : List.of("g/a/1/a-1.jar", "g/a/maven-metadata-local.xml", "g/a/1/a-1.pom.sha1")) {
            assertFalse(ClosureArchive.isVolatile(path), path);
        }
    }

    @Test
    void theCommandPrintsEntriesSizeAndDigest() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        Path lockFile = tmp.resolve("portkit.lock");
        LockFile.write(lock(), lockFile);
        Path out = tmp.resolve("closure.tar.gz");
        PortkitRun run = PortkitRun.of("archive", lockFile.toString(), out.toString(), "--repo", repo.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(": 23 entries (6 files, 2 metadata, 15 directories), 0.0 MB (" + Files.size(out) + " bytes)"),
                run.out());
        assertTrue(run.out().contains("SHA256 (closure.tar.gz) = " + Hashing.sha256(out)), run.out());
    }

    @Test
    void aLockWithoutAMavenClosureIsRefusedAndArchivesNothing() throws IOException {
        Path lock = tmp.resolve("portkit.lock");
        LockFile.write(Lock.ofDistfiles(List.of()), lock);
        Path out = tmp.resolve("deps.tar.gz");
        PortkitRun run = PortkitRun.of("archive", lock.toString(), out.toString(), "--repo", tmp.resolve("m2").toString());
        assertEquals(ExitStatus.BAD_INPUT.code, run.status(), run.err());
        assertTrue(run.err().contains("no Maven closure"), run.err());
        assertFalse(Files.exists(out));
        Files.writeString(lock, "");
        run = PortkitRun.of("archive", lock.toString(), out.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, run.status(), run.err());
        assertTrue(run.err().contains(lock + ":1: an empty lock"), run.err());
    }

    @Test
    void theArchiveIsWorldReadableAsEveryGeneratedFile() throws IOException {
        Path repo = repository(tmp.resolve("m2"), List.copyOf(FILES.keySet()), Instant.now(), "rw-r--r--");
        Path out = tmp.resolve("deps.tar.gz");
        ClosureArchive.write(lock(), repo, out);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
