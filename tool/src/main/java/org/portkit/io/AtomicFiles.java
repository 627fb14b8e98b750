package org.portkit.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Writes that either complete or leave nothing behind: write beside the target, then rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's bytes to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code content} beside {@code target} and renames it into place; on any failure nothing
     * changes. The file is 0644, as every file portkit generates, not a temporary file's 0600.
     */
    public static void write(Path target, Content content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    content.writeTo(out);
                }
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code dir} by exactly {@code files} (text by relative path), staged beside it and
     * renamed into place; each file gets {@code permissions} of its path ("rw-r-----"), whatever the umask.
     */
    public static void writeTree(Map<String, String> files, Path dir, Function<String, String> permissions)
            throws IOException {
        Path parent = Files.createDirectories(dir.toAbsolutePath().getParent());
        Path staged = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
        try {
            Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = staged.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions.apply(f.getKey())));
            }
            replaceDirectory(staged, dir);
        } finally {
            deleteTree(staged);
        }
    }

    /** Replaces directory {@code target} by {@code staged} (a sibling), removing the old tree afterwards. */
    public static void replaceDirectory(Path staged, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old");
            deleteTree(old);
            move(target, old);
        }
        move(staged, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
