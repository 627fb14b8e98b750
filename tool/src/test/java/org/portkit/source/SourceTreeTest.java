package org.portkit.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

class SourceTreeTest {
    @TempDir
    Path tmp;

    private Path tarGz(String name, String... pathsAndContents) throws IOException {
        Path archive = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                byte[] bytes = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(pathsAndContents[i]);
                e.setSize(bytes.length);
                tar.putArchiveEntry(e);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    @Test
    void releaseTarballIsUnwrappedToItsProject() throws IOException {
        Path archive = tarGz("jicofo-stable-jitsi-meet_10184.tar.gz",
                "jicofo-stable-jitsi-meet_10184/pom.xml", "<project/>", "jicofo-stable-jitsi-meet_10184/jicofo/pom.xml", "<project/>");
        Path root = SourceTree.materialize(archive, tmp.resolve("out"));
        assertEquals("jicofo-stable-jitsi-meet_10184", root.getFileName().toString());
        assertTrue(Files.isRegularFile(root.resolve("jicofo/pom.xml")));
    }

    @Test
    void zipIsReadToo() throws IOException {
        Path archive = tmp.resolve("p.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            zip.putArchiveEntry(new ZipArchiveEntry("p-1/pom.xml"));
            zip.write("<project/>".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        assertTrue(Files.isRegularFile(SourceTree.materialize(archive, tmp.resolve("out")).resolve("pom.xml")));
    }

    @Test
    void entryEscapingTheRootIsRefused() throws IOException {
        Path archive = tarGz("evil.tar.gz", "p/pom.xml", "<project/>", "p/../../escaped", "x");
        PortkitException e = assertThrows(PortkitException.class, () -> SourceTree.materialize(archive, tmp.resolve("out")));
        assertEquals(Failure.BAD_INPUT, e.kind());
        assertFalse(Files.exists(tmp.resolve("escaped")));
    }

    @Test
    void directoryCopyLeavesBuildOutputBehind() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("target/classes"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(project.resolve("target/classes/stale.class"), "x");
        Path root = SourceTree.materialize(project, tmp.resolve("out"));
        assertTrue(Files.exists(root.resolve("pom.xml")));
        assertFalse(Files.exists(root.resolve("target")));
    }

    @Test
    void notAProjectIsAClearError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        PortkitException e = assertThrows(PortkitException.class, () -> SourceTree.materialize(tmp.resolve("empty"), tmp.resolve("out")));
        assertTrue(e.getMessage().contains("no pom.xml"), e.getMessage());
    }

    @Test
    void aCopyNeverContainsItselfNorAnOfflineRepositoryPortkitWrote() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/java/A.java"), "class A {}");
        Path m2 = Files.createDirectories(project.resolve("m2/org/x"));
        org.portkit.io.Destination.mark(project.resolve("m2"), "test");
        Path into = project.resolve(".cache/work/run1/src");
        Path root = SourceTree.materialize(project, into);
        assertTrue(Files.isRegularFile(root.resolve("src/main/java/A.java")));
        assertFalse(Files.exists(root.resolve(".cache")), "the cache holding the copy is not copied into it");
        assertFalse(Files.exists(root.resolve("m2")), "nor a repository portkit wrote there");
        assertTrue(Files.isDirectory(m2));
        String message = "invalid POM " + into.toAbsolutePath() + "/pom.xml";
        assertEquals("invalid POM " + project.toAbsolutePath() + "/pom.xml", SourceTree.inUserTerms(message, project, into));
    }

    @Test
    void aTarXzSourceIsRead() throws IOException {
        Path archive = tmp.resolve("app-1.0.tar.xz");
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(
                        new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(out))) {
            byte[] pom = "<project/>".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("app-1.0/pom.xml");
            e.setSize(pom.length);
            tar.putArchiveEntry(e);
            tar.write(pom);
            tar.closeArchiveEntry();
        }
        Path root = SourceTree.materialize(archive, tmp.resolve("into"));
        assertEquals("<project/>", Files.readString(root.resolve("pom.xml")));
    }

    @Test
    void zipLinksAreLeftOutAndAnEntryStoredUnderOneIsRefusedSayingSo() throws IOException {
        Path archive = tmp.resolve("links.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            zip.putArchiveEntry(new ZipArchiveEntry("p-1/pom.xml"));
            zip.write("<project/>".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("p-1/src");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        Path root = SourceTree.materialize(archive, tmp.resolve("one"));
        assertFalse(Files.exists(root.resolve("src")), "a link is neither followed nor written as a file holding its target");

        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            ZipArchiveEntry link = new ZipArchiveEntry("p-1/src");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("elsewhere".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry("p-1/src/main/A.java"));
            zip.write("class A {}".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        PortkitException e = assertThrows(PortkitException.class, () -> SourceTree.materialize(archive, tmp.resolve("two")));
        assertEquals(Failure.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("p-1/src/main/A.java") && e.getMessage().contains("symbolic link")
                && e.getMessage().contains("Repack"), e.getMessage());
    }
}
