package org.portkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.portkit.closure.ClosureEngine;
import org.portkit.diff.LockDiff;
import org.portkit.io.Download;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockFile;
import org.portkit.lock.SourceDistfile;
import org.portkit.port.PortSpec;
import org.portkit.port.PortTree;

/**
 * The steps of locking one spec that 'portkit lock' and 'portkit update' share: pin the source
 * archive, resolve and prove the closure, write the port. Each writes only where it is told.
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
            throw e.status() != ExitStatus.UNOBTAINABLE ? e : new PortkitException(e.status(), e.getMessage()
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
            throw new PortkitException(ExitStatus.BAD_INPUT, specDir.resolve(PortSpec.FILE) + ": the site of " + url
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
            throw new PortkitException(ExitStatus.CHECKSUM, "checksum: " + url + " (" + file + ") is SHA-256 " + now.sha256()
                    + ", " + now.size() + " bytes, but " + lockFile + " pinned " + was.sha256() + ", "
                    + was.size() + " bytes: the upstream archive changed under the same name."
                    + " Find out why before deleting the cached file.");
        }
        return now;
    }

    /**
     * The closure of {@code source} with the spec's Maven arguments, proved offline when checking,
     * pinning {@code pinned} (null: a local copy of the source, not the distfile). Reports it as the
     * lock that will be written to {@code lockFile}, but writes nothing.
     */
    Lock resolve(PortSpec spec, Path source, SourceDistfile pinned, Path lockFile) {
        System.out.println("===> " + spec.category() + "/" + spec.name() + ": resolving " + source);
        ClosureEngine.Result result = ClosureEngine.resolve(options.request(source, spec.mavenArgs(), check), null);
        ResolveCommand.report(result, lockFile, null, check);
        return result.lock().withSources(pinned == null ? List.of() : List.of(pinned));
    }

    /** Replaces the port's directory by what it generates, and says what is still unverified. */
    static void writePort(Ports.Port port) throws IOException {
        PortTree.write(port.files(), port.dir());
        List<String> unverified = port.generated().unverified();
        System.out.println("wrote ports/" + port.path() + (unverified.isEmpty() ? ": every distfile verified"
                : ": " + unverified.size() + " distfiles still unverified (pkg/README lists them)"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PortkitException(ExitStatus.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
