package org.portkit.closure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.portkit.io.Hashing;

/**
 * The portkit that is running, as a digest of its own code (its jar, or its classes' directory in a
 * development tree). What the cache keeps for later runs (a recording, a recorded run's lock) is what
 * this code made of its inputs: a later portkit may make something else of the same inputs, so its
 * digest is among them. The version string alone does not change from one build of the tree to the
 * next. Computed once per process.
 */
final class ToolDigest {
    private static final class Once {
        static final String VALUE = compute();
    }

    private ToolDigest() {}

    static String value() {
        return Once.VALUE;
    }

    private static String compute() {
        try {
            Path code = Path.of(ToolDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(code) ? "tree " + Hashing.tree(code) : "jar " + Hashing.sha256(code);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("portkit's own code location is not a path: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read portkit's own code to name what it keeps in the cache", e);
        }
    }
}
