package org.portkit.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.portkit.io.WorkArea;

/**
 * portkit's cache ({@code --cache}, {@code $PORTKIT_CACHE}, default {@code ~/.cache/portkit}) and
 * every folder in it, named here only. Below every stage that keeps something there.
 */
public record Cache(Path root) {
    /** The cache the user named, else {@code $PORTKIT_CACHE}, else {@code ~/.cache/portkit}. */
    public static Cache of(Path given) {
        if (given != null) {
            return new Cache(given.toAbsolutePath());
        }
        String env = System.getenv("PORTKIT_CACHE");
        return new Cache(env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "portkit"));
    }

    /** Downloads from Maven repositories, split by repository. */
    public Path repository() {
        return root.resolve("repository");
    }

    /** Unpacked Maven distributions, one directory per version. */
    public Path maven() {
        return root.resolve("maven");
    }

    /** Source archives and other distfiles, once downloaded and verified; deps archives as made. */
    public Path distfiles() {
        return root.resolve("distfiles");
    }

    /** What a recording build fetched, by the digest of what it depends on. */
    public Path recordings() {
        return root.resolve("recordings");
    }

    /** Build logs, kept after the run so that a failure's log can be read. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** 'portkit build' WRKDIRs, one per port. */
    public Path wrk() {
        return root.resolve("wrk");
    }

    /** Where runs keep their scratch space. */
    public Path work() {
        return root.resolve("work");
    }

    /**
     * A new, empty work area of one run (its name starts with {@code prefix}): removed when closed, and
     * by a later run if this one is killed first.
     */
    public WorkArea newWork(String prefix) throws IOException {
        return WorkArea.open(work(), prefix);
    }
}
