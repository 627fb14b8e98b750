package org.portkit.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

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

    /** Extracts regular files and directories; refuses entries that would land outside {@code into}. */
    public static void extract(Path archive, Path into) throws IOException {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                ArchiveInputStream<? extends ArchiveEntry> in = open(name, raw)) {
            Path base = into.toAbsolutePath().normalize();
            for (ArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = base.resolve(e.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("archive " + archive + " has an entry outside its root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (isLink(e)) {
                    // Maven sources need no links; leaving them out keeps extraction inside 'into'.
                    continue;
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (isExecutable(e)) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(String name, InputStream raw) throws IOException {
        if (name.endsWith(".zip")) {
            return new ZipArchiveInputStream(raw);
        }
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
