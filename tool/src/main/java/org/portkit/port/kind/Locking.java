package org.portkit.port.kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portkit.archive.ClosureArchive;
import org.portkit.cache.Cache;
import org.portkit.closure.ClosureEngine;
import org.portkit.closure.ResolveReport;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.io.WorkArea;
import org.portkit.lock.Lock;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.SpecPaths;

/**
 * The steps a kind of port locks with: fetch and pin a distfile (bytes other than the previous lock
 * pinned under the same name are fatal), resolve and prove a Maven closure, archive it. Each step
 * writes only into the cache's distfiles, or, while staging, into a work directory whose files
 * {@link #keepStaged} moves into the distfiles once the caller's every step succeeded.
 */
public final class Locking {
    /** Where the steps say what they do, a line at a time. */
    public interface Listener {
        void say(String line);
    }

    private final SpecPaths paths;
    private final Lock previous;
    private final ClosureEngine.Environment environment;
    private final Set<ClosureEngine.Option> options;
    private final Listener listener;
    private Optional<Path> sourceTree = Optional.empty();
    private Optional<Path> staging = Optional.empty();
    private final List<String> staged = new ArrayList<>();

    /**
     * @param previous the spec's lock so far ({@code LockDiff.NONE} where there is none)
     * @param options how closures are computed; {@code CHECK} proves each offline
     */
    public Locking(SpecPaths paths, Lock previous, ClosureEngine.Environment environment, Set<ClosureEngine.Option> options,
            Listener listener) {
        this.paths = paths;
        this.previous = previous;
        this.environment = environment;
        this.options = options;
        this.listener = listener;
    }

    /** These steps, resolving from {@code tree} (a local copy of the source) instead of the source distfile, if given. */
    public Locking fromSourceTree(Optional<Path> tree) {
        this.sourceTree = tree;
        return this;
    }

    /** These steps, downloading distfiles not cached yet into {@code work} until {@link #keepStaged}. */
    public Locking stagedIn(Path work) {
        this.staging = Optional.of(work);
        return this;
    }

    public Lock previous() {
        return previous;
    }

    public boolean has(ClosureEngine.Option option) {
        return options.contains(option);
    }

    /** The local copy of the source given to resolve from, if any. */
    public Optional<Path> sourceTree() {
        return sourceTree;
    }

    public void say(String line) {
        listener.say(line);
    }

    private Cache cache() {
        return environment.cache();
    }

    /** Where distfile {@code name} is: in the cache's distfiles, or while staging and not there yet, in the stage. */
    public Path distfile(String name) {
        Path cached = cache().distfiles().resolve(name);
        return staging.isEmpty() || Files.isRegularFile(cached) ? cached : staging.get().resolve(name);
    }

    /**
     * Distfile {@code name} at {@link #distfile}, downloaded from {@code url} unless it is there
     * already, and hashed; bytes other than those the previous lock pinned under the same name are
     * fatal.
     */
    public SourceDistfile fetch(String url, String name) {
        Path file = distfile(name);
        if (url.startsWith("http:") && !has(ClosureEngine.Option.ALLOW_HTTP)) {
            throw new PortkitException(Failure.BAD_INPUT, paths.file() + ": the site of " + url
                    + " is plain http; use https, or --allow-http for a site you trust (e.g. on loopback)");
        }
        if (!Files.isRegularFile(file)) {
            say("===> fetching " + url);
            Download.to(url, file, "distfile " + name);
            if (!file.startsWith(cache().distfiles())) {
                staged.add(name);
            }
        }
        SourceDistfile now = new SourceDistfile(name, Hashing.sha256(file), size(file));
        SourceDistfile was = previous.source(now.name()).orElse(null);
        if (was != null && !was.equals(now)) {
            throw new PortkitException(Failure.CHECKSUM, "checksum: " + url + " (" + file + ") is SHA-256 " + now.sha256()
                    + ", " + now.size() + " bytes, but " + paths.lock() + " pinned " + was.sha256() + ", "
                    + was.size() + " bytes: the upstream archive changed under the same name."
                    + " Find out why before deleting the cached file.");
        }
        return now;
    }

    /**
     * The closure of {@code source} with {@code mavenArgs}, proved offline when checking, reported as
     * the lock that will be written; the offline repository goes to {@code repository} (null: none).
     */
    public Lock closure(Path source, List<String> mavenArgs, Path repository) {
        ClosureEngine.Result result = ClosureEngine.resolve(new ClosureEngine.Request(source.toAbsolutePath(), mavenArgs,
                environment, options), repository);
        ResolveReport.lines(result, paths.lock(), null, has(ClosureEngine.Option.CHECK)).forEach(this::say);
        return result.lock();
    }

    /** A new work area of this lock in the cache; the caller closes it. */
    public WorkArea work(String prefix) throws IOException {
        return cache().newWork(prefix);
    }

    /**
     * The closure {@code lock} pins, read from {@code repository}, as distfile {@code name} in the cache's
     * distfiles (its bytes follow from the lock alone, so an early copy is the same file a later run
     * would make), hashed.
     */
    public SourceDistfile archive(Lock lock, Path repository, String name, String site) {
        Path file = cache().distfiles().resolve(name);
        ClosureArchive.Summary made = ClosureArchive.write(lock, repository, file);
        SourceDistfile now = new SourceDistfile(name, made.sha256(), made.bytes());
        say("wrote " + file + " (" + made.entries() + " entries, " + made.bytes() + " bytes, SHA-256 "
                + made.sha256() + "): publish it on " + site);
        previous.source(now.name()).filter(was -> !was.equals(now)).ifPresent(was -> say("note: the"
                + " previous lock pinned other bytes (SHA-256 " + was.sha256() + ") under this name: replace the copy on"
                + " the site, and expect mirrors that kept the old one to fail its checksum"));
        return now;
    }

    /** Moves what was downloaded into the stage into the cache's distfiles. */
    public void keepStaged() throws IOException {
        for (String name : staged) {
            Path cached = cache().distfiles().resolve(name);
            Files.createDirectories(cached.getParent());
            AtomicFiles.move(staging.orElseThrow().resolve(name), cached);
        }
        staged.clear();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
