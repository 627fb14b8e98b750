package org.portkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of files, computed from their bytes. */
public final class Hashing {
    private Hashing() {}

    public static String sha256(Path file) {
        return hex("SHA-256", file);
    }

    /** Hex digest with a JDK algorithm name ("SHA-1", "SHA-256", "SHA-512", "MD5"). */
    public static String hex(String algorithm, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest(algorithm);
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
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
