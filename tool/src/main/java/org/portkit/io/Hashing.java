package org.portkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Digests of files, computed from their bytes. */
public final class Hashing {
    private Hashing() {}

    public static String sha256(Path file) {
        return hex("SHA-256", file);
    }

    /** Hex digest with a JDK algorithm name ("SHA-1", "SHA-256", "SHA-512", "MD5"). */
    public static String hex(String algorithm, Path file) {
        try {
            MessageDigest md = digest(algorithm);
            feed(md, file, OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies {@code from} to the new file {@code to}, hashing the bytes as they are written: one read
     * of the source instead of a copy and then a read of the copy. Returns the hex digest.
     */
    public static String copy(Path from, Path to, String algorithm) throws IOException {
        MessageDigest md = digest(algorithm);
        try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            feed(md, from, out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * SHA-256 of a directory tree: every regular file's path (relative, with '/') and bytes, in
     * sorted order, so the same tree gives the same digest wherever it lies and however the file
     * system lists it.
     */
    public static String tree(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
        MessageDigest md = digest("SHA-256");
        for (Path f : files) {
            md.update(("file " + f.toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
            feed(md, root.resolve(f), OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of lines of text, each ended by a newline. */
    public static String lines(List<String> lines) {
        MessageDigest md = digest("SHA-256");
        lines.forEach(l -> md.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Streams {@code file}'s bytes into {@code md} and on to {@code out}: the one read loop of this class. */
    private static void feed(MessageDigest md, Path file, OutputStream out) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(out);
        }
    }

    /** A fresh digest for bytes hashed as they stream past (JDK algorithm names, as {@link #hex}). */
    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(algorithm, e);
        }
    }
}
