package org.portkit.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Hashing;
import org.portkit.lock.Lock;
import org.portkit.lock.LockEntry;
import org.portkit.lock.OfflineRepository;

/**
 * A lock's closure as one tar.gz: the same lock gives the same bytes on any machine, at any time.
 *
 * <p>The archive holds exactly the lock's files and the {@code maven-metadata-local.xml} files
 * {@link OfflineRepository#metadata} derives from it, laid out as a Maven local repository under
 * {@value #TOP} (extracted in {@code ${WRKDIR}} it is the port's {@code ${WRKDIR}/m2}), every parent
 * directory as an entry of its own, all sorted by name. Maven's bookkeeping files, which vary from
 * run to run, are never archived: only what the lock names is read.
 */
public final class ClosureArchive {
    /** The top directory of every entry. */
    public static final String TOP = "m2/";

    private ClosureArchive() {}

    /** One entry of the archive. */
    sealed interface Member {
        String name();
    }

    record Directory(String name) implements Member {}

    /** A locked file: its bytes come from the repository and must be what the lock says. */
    record Locked(String name, LockEntry entry) implements Member {}

    /** Repository metadata derived from the lock. */
    record Derived(String name, String content) implements Member {}

    /** What was written. */
    public record Summary(int files, int metadata, int directories, long bytes, String sha256) {
        public int entries() {
            return files + metadata + directories;
        }
    }

    /** Every entry of the archive of {@code lock}, sorted by name (a directory sorts before what it holds). */
    static List<Member> members(Lock lock) {
        Map<String, Member> byName = new TreeMap<>();
        for (LockEntry e : lock.files()) {
            add(byName, new Locked(TOP + e.path(), e));
        }
        OfflineRepository.metadata(lock).forEach((path, xml) -> add(byName, new Derived(TOP + path, xml)));
        for (String name : List.copyOf(byName.keySet())) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                String dir = name.substring(0, slash + 1);
                byName.putIfAbsent(dir, new Directory(dir));
            }
        }
        return List.copyOf(byName.values());
    }

    private static void add(Map<String, Member> byName, Member m) {
        if (isVolatile(m.name())) {
            throw new PortkitException(Failure.BAD_INPUT, "the lock names " + m.name().substring(TOP.length())
                    + ", a Maven bookkeeping file that differs from run to run; regenerate the lock with 'portkit resolve'");
        }
        if (byName.putIfAbsent(m.name(), m) != null) {
            throw new PortkitException(Failure.BAD_INPUT, "the lock names " + m.name().substring(TOP.length())
                    + " twice; regenerate it with 'portkit resolve'");
        }
    }

    /**
     * Maven's files about a repository rather than artifacts: origin tracking, failed look-ups,
     * resolver state, remote metadata with timestamps, prefix caches.
     */
    static boolean isVolatile(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.equals("_remote.repositories") || file.endsWith(".lastUpdated")
                || file.equals("resolver-status.properties")
                || file.startsWith("maven-metadata-") && file.endsWith(".xml") && !file.equals("maven-metadata-local.xml")
                || path.startsWith(".meta/") || path.contains("/.meta/");
    }

    /**
     * Writes the archive of {@code lock} to {@code out} (beside it first, then renamed), reading each
     * locked file from {@code repo} and checking its size and SHA-256 against the lock as it is archived.
     */
    public static Summary write(Lock lock, Path repo, Path out) {
        if (!lock.isComplete()) {
            throw new PortkitException(Failure.BAD_INPUT, "the lock is partial (" + lock.unverified().size()
                    + " files unverified; " + String.join("; ", lock.incomplete()) + "): an archive of it could not"
                    + " build offline. Resolve again where every repository is reachable.");
        }
        if (lock.files().isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, "the lock pins no Maven closure (no 'file' lines): there is"
                    + " nothing to archive. Archive the lock 'portkit resolve' or 'portkit lock' wrote for a Maven project.");
        }
        List<Member> members = members(lock);
        requirePresent(members, repo);
        AtomicFiles.write(out, stream -> {
            try (ReproducibleTarGz tar = new ReproducibleTarGz(stream)) {
                for (Member m : members) {
                    if (m instanceof Locked l) {
                        archive(tar, l, repo);
                    } else if (m instanceof Derived d) {
                        byte[] bytes = d.content().getBytes(StandardCharsets.UTF_8);
                        tar.file(d.name(), bytes.length, new ByteArrayInputStream(bytes));
                    } else {
                        tar.directory(m.name());
                    }
                }
            }
        });
        int files = (int) members.stream().filter(Locked.class::isInstance).count();
        int metadata = (int) members.stream().filter(Derived.class::isInstance).count();
        try {
            return new Summary(files, metadata, members.size() - files - metadata, Files.size(out), Hashing.sha256(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out + ": " + e.getMessage(), e);
        }
    }

    /** Names every locked file the repository lacks, before anything is written. */
    private static void requirePresent(List<Member> members, Path repo) {
        List<String> missing = members.stream().filter(Locked.class::isInstance).map(m -> ((Locked) m).entry().path())
                .filter(path -> !Files.isRegularFile(repo.resolve(path))).toList();
        if (!missing.isEmpty()) {
            int shown = Math.min(missing.size(), 10);
            throw new PortkitException(Failure.BAD_INPUT, "locked files missing from " + repo + " (" + missing.size() + "):\n  "
                    + String.join("\n  ", missing.subList(0, shown))
                    + (shown < missing.size() ? "\n  ... and " + (missing.size() - shown) + " more" : "")
                    + "\nWrite the repository from this lock with 'portkit resolve --out " + repo + "'.");
        }
    }

    private static void archive(ReproducibleTarGz tar, Locked l, Path repo) throws IOException {
        LockEntry e = l.entry();
        Path file = repo.resolve(e.path());
        long size = Files.size(file);
        if (size != e.size()) {
            throw mismatch(file, e, size + " bytes", e.size() + " bytes");
        }
        MessageDigest sha256 = Hashing.digest("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            tar.file(l.name(), size, in);
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(e.sha256())) {
            throw mismatch(file, e, "SHA-256 " + actual, e.sha256());
        }
    }

    private static PortkitException mismatch(Path file, LockEntry e, String actual, String locked) {
        return new PortkitException(Failure.CHECKSUM, file + " (" + e.path() + ") has " + actual + " but the lock says "
                + locked + ": the file is corrupt or was replaced. Write the repository again with 'portkit resolve --out'.");
    }
}
