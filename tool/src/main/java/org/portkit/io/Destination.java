package org.portkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * The one rule for what portkit may replace: only what the user named on the command line, and
 * only if it is absent, empty, or something portkit wrote there itself (a directory holding
 * {@link #MARKER}, a file that starts with the signature of its kind). Anything else is the user's,
 * and is replaced only with {@code --force}. Checked before any work, so that a refusal costs
 * nothing and changes nothing.
 */
public final class Destination {
    /** Left in every directory portkit writes as a whole (an offline repository), so a later run knows it may replace it. */
    public static final String MARKER = ".portkit-written";

    private Destination() {}

    /** A directory that {@code option} names, to be replaced as a whole. */
    public static void directory(Path dir, String option, boolean force) {
        if (Files.isRegularFile(dir)) {
            throw new PortkitException(Failure.BAD_INPUT, option + " " + dir + " is a file; name a directory for it");
        }
        if (force || !Files.isDirectory(dir) || isOurs(dir)) {
            return;
        }
        throw new PortkitException(Failure.BAD_INPUT, option + " " + dir + " exists, is not empty and was not written"
                + " by portkit: name a new directory, or pass --force to replace it and everything in it");
    }

    /** A file that {@code option} names, to be replaced; portkit's own begin with {@code signature}. */
    public static void file(Path file, String option, String signature, boolean force) {
        if (Files.isDirectory(file)) {
            throw new PortkitException(Failure.BAD_INPUT, option + " " + file + " is a directory; name the file to write"
                    + " (e.g. " + file.resolve("portkit.lock") + ")");
        }
        if (force || !Files.exists(file) || startsWith(file, signature)) {
            return;
        }
        throw new PortkitException(Failure.BAD_INPUT, option + " " + file + " exists and was not written by portkit:"
                + " name a new file, or pass --force to replace it");
    }

    /** Whether a directory is one portkit wrote (or an empty one, which holds nothing to lose). */
    public static boolean isOurs(Path dir) {
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the marker into a directory being staged, saying what wrote it. */
    public static void mark(Path dir, String what) throws IOException {
        Files.writeString(dir.resolve(MARKER), what + "\n", StandardCharsets.UTF_8);
    }

    private static boolean startsWith(Path file, String signature) {
        byte[] expected = signature.getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException e) {
            return false;
        }
    }
}
