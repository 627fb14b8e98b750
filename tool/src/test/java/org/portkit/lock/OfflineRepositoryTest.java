package org.portkit.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Hashing;

class OfflineRepositoryTest {
    @TempDir
    Path tmp;

    private Lock lockOf(Map<String, Path> files) {
        TreeSet<LockEntry> entries = new TreeSet<>();
        files.forEach((path, file) -> {
            try {
                entries.add(new LockEntry("central", path, Hashing.sha256(file), Files.size(file)));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        TreeSet<PluginPrefix> prefixes = new TreeSet<>();
        prefixes.add(new PluginPrefix("org.apache.maven.plugins", "dependency", "maven-dependency-plugin"));
        TreeSet<String> metadata = new TreeSet<>(List.of("org/jxmpp/jxmpp-core", "org/apache/maven/plugins"));
        return new Lock("3.9.16", List.of("package"), new TreeMap<>(Map.of("central", "https://c/")), prefixes, metadata,
                entries);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void metadataListsPinnedVersionsInMavenOrderWithoutTimestamps() throws IOException {
        Path a = file("a", "one");
        Path b = file("b", "two");
        Lock lock = lockOf(Map.of("org/jxmpp/jxmpp-core/1.0.10/jxmpp-core-1.0.10.jar", a,
                "org/jxmpp/jxmpp-core/1.0.9/jxmpp-core-1.0.9.jar", b));
        Map<String, String> metadata = OfflineRepository.metadata(lock);
        String xml = metadata.get("org/jxmpp/jxmpp-core/maven-metadata-local.xml");
        String versions = xml.substring(xml.indexOf("<versions>"));
        assertTrue(versions.indexOf("1.0.9") < versions.indexOf("1.0.10"), "Maven's version order, not text order: " + xml);
        assertTrue(xml.contains("<release>1.0.10</release>"), xml);
        assertFalse(xml.contains("lastUpdated"), "no timestamp, so the same lock gives the same bytes");
        assertTrue(metadata.get("org/apache/maven/plugins/maven-metadata-local.xml").contains("<prefix>dependency</prefix>"));
        assertEquals(metadata, OfflineRepository.metadata(lock));
    }

    @Test
    void writesTheLockedFilesAndNoOriginTracking() throws IOException {
        Path a = file("a", "one");
        Lock lock = lockOf(Map.of("g/a/1/a-1.jar", a));
        Path out = tmp.resolve("m2");
        OfflineRepository.write(lock, e -> a, out);
        assertEquals("one", Files.readString(out.resolve("g/a/1/a-1.jar")));
        assertFalse(Files.exists(out.resolve("g/a/maven-metadata-local.xml")), "metadata only where the build reads it");
        try (var walk = Files.walk(out)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("_remote.repositories")));
        }
    }

    @Test
    void aFileWhoseBytesChangedIsFatalAndTheOldRepositoryStays() throws IOException {
        Path a = file("a", "one");
        Lock lock = lockOf(Map.of("g/a/1/a-1.jar", a));
        Path out = tmp.resolve("m2");
        OfflineRepository.write(lock, e -> a, out);
        Files.writeString(a, "tampered");
        PortkitException e = assertThrows(PortkitException.class, () -> OfflineRepository.write(lock, x -> a, out));
        assertEquals(Failure.CHECKSUM, e.kind());
        assertTrue(e.getMessage().contains("g/a/1/a-1.jar"), e.getMessage());
        assertEquals("one", Files.readString(out.resolve("g/a/1/a-1.jar")), "previous repository untouched");
        try (var list = Files.list(tmp)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().startsWith(".m2")), "no staging left behind");
        }
    }

    @Test
    void theRepositoryAndTheLockAreWorldReadableAsEveryGeneratedFileNotPrivateAsATemporaryFile() throws IOException {
        Path a = file("a", "one");
        Lock lock = lockOf(Map.of("org/jxmpp/jxmpp-core/1.0.9/jxmpp-core-1.0.9.jar", a));
        Path out = tmp.resolve("m2");
        OfflineRepository.write(lock, e -> a, out);
        Path lockFile = tmp.resolve("portkit.lock");
        LockFile.write(lock, lockFile);
        assertEquals("rwxr-xr-x", mode(out));
        assertEquals("rwxr-xr-x", mode(out.resolve("org/jxmpp")));
        assertEquals("rw-r--r--", mode(out.resolve("org/jxmpp/jxmpp-core/1.0.9/jxmpp-core-1.0.9.jar")));
        assertEquals("rw-r--r--", mode(out.resolve("org/jxmpp/jxmpp-core/maven-metadata-local.xml")));
        assertEquals("rw-r--r--", mode(lockFile));
        assertTrue(org.portkit.io.Destination.isOurs(out), "marked as portkit's, so the next resolve may replace it");
    }

    private static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
