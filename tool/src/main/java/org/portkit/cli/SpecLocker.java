package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portkit.archive.ClosureArchive;
import org.portkit.closure.ClosureEngine;
import org.portkit.diff.LockDiff;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.PortSpec;
import org.portkit.port.PortTree;

/**
 * The steps of locking one spec that 'portkit lock' and 'portkit update' share: pin the source
 * archive, resolve and prove the closure (and make and pin its deps archive), write the port. Each
 * writes only where it is told, or into the cache's distfiles.
 *
 * @param check build offline with only the closure before the lock is returned
 */
record SpecLocker(ResolveOptions options, boolean check) {

    /** Where source archives are kept once downloaded and verified. */
    Path distfiles() {
        return Defaults.cache(options.cache).resolve("distfiles");
    }

    /** The lock in {@code lockFile}, or {@link LockDiff#NONE} where there is none yet. */
    static Lock previous(Path lockFile) {
        return Files.isRegularFile(lockFile) ? LockFile.read(lockFile) : LockDiff.NONE;
    }

    /**
     * The spec's source archive as {@code file}, downloaded there unless it is already, and hashed;
     * bytes other than those {@code previous} pinned under the same name are fatal.
     */
    SourceDistfile fetchSource(PortSpec spec, Lock previous, Path file) {
        try {
            return fetch(spec.dir(), spec.sourceUrl(), spec.sourceDistfile(), previous, file);
        } catch (PortkitException e) {
            throw e.kind() != Failure.UNOBTAINABLE ? e : new PortkitException(e.kind(), e.getMessage()
                    + ". Where the source site is out of reach, resolve from a local copy with --source-tree:"
                    + " the source distfile then stays unverified", e);
        }
    }

    /**
     * Distfile {@code name} of the spec in {@code specDir} as {@code file}, downloaded from
     * {@code url} unless it is there already, and hashed; bytes other than those {@code previous}
     * pinned under the same name are fatal.
     */
    SourceDistfile fetch(Path specDir, String url, String name, Lock previous, Path file) {
        if (url.startsWith("http:") && !options.allowHttp) {
            throw new PortkitException(Failure.BAD_INPUT, specDir.resolve(PortSpec.FILE) + ": the site of " + url
                    + " is plain http; use https, or --allow-http for a site you trust (e.g. on loopback)");
        }
        if (!Files.isRegularFile(file)) {
            System.out.println("===> fetching " + url);
            Download.to(url, file, "distfile " + name);
        }
        SourceDistfile now = new SourceDistfile(name, Hashing.sha256(file), size(file));
        SourceDistfile was = previous.source(now.name()).orElse(null);
        if (was != null && !was.equals(now)) {
            Path lockFile = specDir.resolve(PortSpec.LOCK);
            throw new PortkitException(Failure.CHECKSUM, "checksum: " + url + " (" + file + ") is SHA-256 " + now.sha256()
                    + ", " + now.size() + " bytes, but " + lockFile + " pinned " + was.sha256() + ", "
                    + was.size() + " bytes: the upstream archive changed under the same name."
                    + " Find out why before deleting the cached file.");
        }
        return now;
    }

    /**
     * The closure of {@code source} with the spec's Maven arguments, proved offline when checking,
     * pinning {@code pinned} (null: a local copy of the source, not the distfile) and, for a spec with
     * a deps-archive block, the archive of a complete closure. Reports it as the lock that will be
     * written to {@code lockFile}, but writes only the deps archive (into {@link #distfiles()}: its bytes
     * follow from the lock alone, so an early copy is the same file a later run would make).
     */
    Lock resolve(PortSpec spec, Path source, SourceDistfile pinned, Path lockFile) throws IOException {
        System.out.println("===> " + spec.category() + "/" + spec.name() + ": resolving " + source);
        List<SourceDistfile> sources = new ArrayList<>(pinned == null ? List.of() : List.of(pinned));
        if (spec.depsArchive() == null) {
            return closure(spec, source, lockFile, null).withSources(sources);
        }
        // The archive is made from the offline repository, which is kept in a work directory until then.
        Path work = Files.createTempDirectory(Files.createDirectories(Defaults.cache(options.cache).resolve("work")), "lock");
        try {
            Path repository = work.resolve("m2");
            Lock lock = closure(spec, source, lockFile, repository);
            depsArchive(spec, lock, repository, previous(lockFile)).ifPresent(sources::add);
            return lock.withSources(sources);
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    /** The closure, with the offline repository written to {@code repository} (null: none). */
    private Lock closure(PortSpec spec, Path source, Path lockFile, Path repository) {
        ClosureEngine.Result result = ClosureEngine.resolve(options.request(source, spec.mavenArgs(), check), repository);
        ResolveCommand.report(result, lockFile, null, check);
        return result.lock();
    }

    /** The spec's deps archive made from {@code repository} into the distfiles, hashed; none from a partial lock. */
    private Optional<SourceDistfile> depsArchive(PortSpec spec, Lock lock, Path repository, Lock previous) {
        if (!lock.isComplete()) {
            System.out.println("no " + spec.depsArchive() + " from a partial lock: the port lists it as unverified");
            return Optional.empty();
        }
        Path file = distfiles().resolve(spec.depsArchive());
        ClosureArchive.Summary made = ClosureArchive.write(lock, repository, file);
        SourceDistfile now = new SourceDistfile(spec.depsArchive(), made.sha256(), made.bytes());
        System.out.println("wrote " + file + " (" + made.entries() + " entries, " + made.bytes() + " bytes, SHA-256 "
                + made.sha256() + "): publish it on " + spec.depsSite());
        previous.source(now.name()).filter(was -> !was.equals(now)).ifPresent(was -> System.out.println("note: the"
                + " previous lock pinned other bytes (SHA-256 " + was.sha256() + ") under this name: replace the copy on"
                + " the site, and expect mirrors that kept the old one to fail its checksum"));
        return Optional.of(now);
    }

    /** Replaces the port's directory by what it generates, and says what is still unverified. */
    static void writePort(Ports.Port port) throws IOException {
        PortTree.write(port.files(), port.dir());
        List<String> unverified = port.generated().unverified();
        System.out.println("wrote ports/" + port.path() + (unverified.isEmpty() ? ": every distfile verified"
                : ": " + unverified.size() + " distfiles still unverified ('portkit check' names them)"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
