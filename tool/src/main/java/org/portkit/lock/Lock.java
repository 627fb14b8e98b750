package org.portkit.lock;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What an offline build of one project needs, pinned: the Maven it was computed for, the arguments
 * the port gives Maven, the repositories by id, every file with its digest, plugin prefixes, and
 * the repository directories whose metadata Maven reads (version ranges, version-less plugins,
 * prefix look-ups). Later stages (port generation, archives, diffs) work from this alone.
 *
 * <p>{@code source} pins the upstream source archive when portkit downloaded and hashed it
 * ({@code portkit lock}); it is null when the closure was computed from another copy of the source.
 *
 * <p>A partial lock (made with {@code resolve --partial} where a repository is unreachable) also
 * lists the files it could not obtain and says why it is incomplete; it is never complete enough
 * for an offline build, and everything downstream names what is missing.
 */
public record Lock(
        String mavenVersion,
        List<String> mavenArgs,
        SortedMap<String, String> repositories,
        SortedSet<PluginPrefix> prefixes,
        SortedSet<String> metadata,
        SortedSet<LockEntry> files,
        SortedSet<Unverified> unverified,
        List<String> incomplete,
        SourceDistfile source) {

    /** A complete lock. */
    public Lock(String mavenVersion, List<String> mavenArgs, SortedMap<String, String> repositories,
            SortedSet<PluginPrefix> prefixes, SortedSet<String> metadata, SortedSet<LockEntry> files) {
        this(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, new java.util.TreeSet<>(), List.of(), null);
    }

    /** This lock, pinning the upstream source archive too (null: the source distfile is not pinned). */
    public Lock withSource(SourceDistfile source) {
        return new Lock(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, source);
    }

    public boolean isComplete() {
        return unverified.isEmpty() && incomplete.isEmpty();
    }

    public long totalSize() {
        return files.stream().mapToLong(LockEntry::size).sum();
    }
}
