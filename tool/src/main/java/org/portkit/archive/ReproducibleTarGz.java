package org.portkit.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * A tar.gz writer whose bytes depend on nothing but the members written, in the order written:
 * not on the machine, the user, the clock, the time zone, the locale or the source files' metadata.
 *
 * <p>Every header is POSIX ustar with mtime 0 (1970-01-01; OpenBSD's tar extracts it as is),
 * uid/gid 0 named root/wheel, mode 0644 for files and 0755 for directories. Names of 100 bytes or
 * more get a POSIX.1-2001 pax extended header ({@code path=}), which GNU tar, bsdtar and OpenBSD's
 * tar read; Commons Compress derives that header's own fields from the entry (mtime) or fixes them
 * (no owner name), and the tests check that the running user leaves no trace.
 *
 * <p>The gzip header has mtime 0, no file name, no comment and OS 255 ("unknown"); deflate runs at
 * level 6 (gzip's default). Its output is the JDK's zlib: the same zlib gives the same bytes.
 */
final class ReproducibleTarGz implements Closeable {
    static final int FILE_MODE = 0644;
    static final int DIR_MODE = 0755;
    static final String OWNER = "root";
    static final String GROUP = "wheel";
    static final int COMPRESSION_LEVEL = 6;
    /** Tar records are padded to this block size at the end, as tar(1) does by default. */
    private static final int BLOCK_SIZE = 10240;
    private static final FileTime EPOCH = FileTime.from(Instant.EPOCH);

    private final TarArchiveOutputStream tar;

    ReproducibleTarGz(OutputStream out) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setFileName(null);
        gzip.setOS(GzipParameters.OS.UNKNOWN);
        gzip.setCompressionLevel(COMPRESSION_LEVEL);
        // Names are always UTF-8, whatever the platform's default charset.
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip), BLOCK_SIZE,
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** A directory entry; {@code name} ends with '/'. */
    void directory(String name) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR, DIR_MODE, 0));
        tar.closeArchiveEntry();
    }

    /** A regular file of {@code size} bytes, all read from {@code content}. */
    void file(String name, long size, InputStream content) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_NORMAL, FILE_MODE, size));
        content.transferTo(tar);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setMode(mode);
        e.setIds(0, 0);
        e.setNames(OWNER, GROUP);
        e.setModTime(EPOCH);
        e.setSize(size);
        return e;
    }

    @Override
    public void close() throws IOException {
        tar.close(); // finishes the archive (end records, block padding), then the gzip trailer
    }
}
