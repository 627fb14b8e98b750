package org.portkit.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.portkit.io.Hashing;

/**
 * A file of the resolver's cache checked against the repository checksum the resolver verified
 * and stored beside it ({@code FILE.sha1}) when it downloaded it. The resolver itself trusts what
 * is in its cache; portkit does not: a file changed after its download is not what the repository
 * published, and must not be pinned or served.
 */
final class CachedFile {
    /** The checksum Resolver asks every repository for (see {@link Resolver}), and the suffix it is stored under. */
    static final String ALGORITHM = "SHA-1";
    private static final String SUFFIX = ".sha1";

    private CachedFile() {}

    /** The file's SHA-256 and size, hashed in the same pass that checked it. */
    record Digest(String sha256, long size) {}

    /** Thrown when the bytes are not those the repository's checksum vouches for. */
    static final class ChangedException extends Exception {
        ChangedException(String message) {
            super(message);
        }
    }

    static Digest verify(Path file) throws ChangedException {
        Path recorded = file.resolveSibling(file.getFileName() + SUFFIX);
        String expected;
        try {
            String text = Files.readString(recorded, StandardCharsets.US_ASCII).trim();
            // Repositories write "HASH" or "HASH  NAME" (sha1sum's form); the resolver keeps what it verified.
            expected = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        } catch (NoSuchFileException e) {
            throw new ChangedException(file + " has no recorded repository checksum (" + recorded + " is missing),"
                    + " so nothing vouches for its bytes");
        } catch (IOException e) {
            throw new ChangedException("cannot read " + recorded + ": " + e.getMessage());
        }
        MessageDigest sha1 = Hashing.digest(ALGORITHM);
        MessageDigest sha256 = Hashing.digest("SHA-256");
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; size += n) {
                sha1.update(buf, 0, n);
                sha256.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new ChangedException("cannot read " + file + ": " + e.getMessage());
        }
        String actual = HexFormat.of().formatHex(sha1.digest());
        if (!actual.equals(expected)) {
            throw new ChangedException(file + " was changed after it was downloaded: its SHA-1 is " + actual
                    + ", the repository's (recorded in " + recorded.getFileName() + ") is " + expected);
        }
        return new Digest(HexFormat.of().formatHex(sha256.digest()), size);
    }
}
