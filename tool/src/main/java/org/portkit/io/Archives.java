package org.portkit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/** Reads source and distribution archives with Commons Compress; no tar or unzip binary is needed. */
public final class Archives {
    private static final List<String> SUFFIXES = List.of(".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip");
    public static final String KINDS = String.join(", ", SUFFIXES);

    private Archives() {}

    public static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** {@code name} less its archive suffix (portkit-0.1.0.tar.gz: portkit-0.1.0), or null when it has none. */
    public static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().filter(lower::endsWith).findFirst()
                .map(s -> name.substring(0, name.length() - s.length())).orElse(null);
    }

    /**
     * Extracts regular files and directories; refuses entries that would land outside {@code into}.
     * Links are left out (Maven sources need none, and leaving them out keeps extraction inside
     * {@code into}); an entry stored under a link is refused, saying so. A zip is read through its
     * central directory, the only place that says which entries are links.
     */
    public static void extract(Path archive, Path into) throws IOException {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        Path base = into.toAbsolutePath().normalize();
        Set<String> links = new HashSet<>();
        if (name.endsWith(".zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        extract(archive, e, in, base, links);
                    }
                }
            }
            return;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                ArchiveInputStream<? extends ArchiveEntry> in = open(name, raw)) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                extract(archive, e, in, base, links);
            }
        }
    }

    private static void extract(Path archive, ArchiveEntry e, InputStream in, Path base, Set<String> links)
            throws IOException {
        Path target = base.resolve(e.getName()).normalize();
        if (!target.startsWith(base)) {
            throw new IOException("archive " + archive + " has an entry outside its root: " + e.getName());
        }
        for (Path p = target.getParent(); p != null && p.startsWith(base) && !p.equals(base); p = p.getParent()) {
            if (links.contains(base.relativize(p).toString())) {
                throw new PortkitException(Failure.BAD_INPUT, "archive " + archive + ": entry " + e.getName()
                        + " lies under " + base.relativize(p) + ", which the archive stores as a symbolic link; portkit"
                        + " does not follow links in sources. Repack the archive with the files themselves,"
                        + " or give portkit the unpacked directory");
            }
        }
        if (isLink(e)) {
            links.add(base.relativize(target).toString());
        } else if (e.isDirectory()) {
            Files.createDirectories(target);
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (isExecutable(e)) {
                target.toFile().setExecutable(true);
            }
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(String name, InputStream raw) throws IOException {
        InputStream decompressed;
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            decompressed = new GzipCompressorInputStream(raw, true);
        } else if (name.endsWith(".tar.bz2")) {
            decompressed = new BZip2CompressorInputStream(raw, true);
        } else if (name.endsWith(".tar.xz")) {
            decompressed = new XZCompressorInputStream(raw, true);
        } else {
            decompressed = raw;
        }
        return new TarArchiveInputStream(decompressed);
    }

    private static boolean isLink(ArchiveEntry e) {
        return e instanceof TarArchiveEntry t ? (t.isSymbolicLink() || t.isLink())
                : e instanceof ZipArchiveEntry z && z.isUnixSymlink();
    }

    private static boolean isExecutable(ArchiveEntry e) {
        int mode = e instanceof TarArchiveEntry t ? t.getMode()
                : e instanceof ZipArchiveEntry z ? z.getUnixMode() : 0;
        return (mode & 0100) != 0;
    }

}
