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
 * <p>{@code sources} pin the port's other distfiles that portkit downloaded and hashed
 * ({@code portkit lock}): the upstream source archive, or a meta port's archives. A source archive
 * is absent when the closure was computed from another copy of the source. A meta port's lock has
 * sources only, and no Maven version (null).
 *
 * <p>{@code licenses} says, per jar artifact of the closure ({@code GROUP:ARTIFACT:VERSION}), what
 * license its POM declares; they are read when the lock is made, while the POMs are at hand, so that
 * generation and diffs need nothing but the lock. Empty in a lock made before they were recorded.
 *
 * <p>{@code target} names the platform ({@code os.name os.arch}) whose {@code <os>} profiles and
 * platform classifiers the closure was computed for; null in a lock made before it was recorded,
 * and in a meta port's.
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
        SortedSet<SourceDistfile> sources,
        SortedMap<String, License> licenses,
        SortedSet<String> runtime,
        String target) {

    /** A lock whose runtime dependencies and target are not recorded. */
    public Lock(String mavenVersion, List<String> mavenArgs, SortedMap<String, String> repositories,
            SortedSet<PluginPrefix> prefixes, SortedSet<String> metadata, SortedSet<LockEntry> files,
            SortedSet<Unverified> unverified, List<String> incomplete, SortedSet<SourceDistfile> sources,
            SortedMap<String, License> licenses) {
        this(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, sources, licenses,
                new java.util.TreeSet<>(), null);
    }

    /** A complete lock. */
    public Lock(String mavenVersion, List<String> mavenArgs, SortedMap<String, String> repositories,
            SortedSet<PluginPrefix> prefixes, SortedSet<String> metadata, SortedSet<LockEntry> files) {
        this(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, new java.util.TreeSet<>(), List.of(),
                new java.util.TreeSet<>());
    }

    /** A lock without licenses. */
    public Lock(String mavenVersion, List<String> mavenArgs, SortedMap<String, String> repositories,
            SortedSet<PluginPrefix> prefixes, SortedSet<String> metadata, SortedSet<LockEntry> files,
            SortedSet<Unverified> unverified, List<String> incomplete, SortedSet<SourceDistfile> sources) {
        this(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, sources,
                new java.util.TreeMap<>());
    }

    /** A lock of distfiles alone, as a meta port has: no Maven, no closure. */
    public static Lock ofDistfiles(java.util.Collection<SourceDistfile> pinned) {
        return new Lock(null, List.of(), new java.util.TreeMap<>(), new java.util.TreeSet<>(), new java.util.TreeSet<>(),
                new java.util.TreeSet<>()).withSources(pinned);
    }

    /** This lock, pinning these distfiles of the port besides the Maven closure (the source archive, or a meta port's). */
    public Lock withSources(java.util.Collection<SourceDistfile> pinned) {
        return new Lock(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete,
                new java.util.TreeSet<>(pinned), licenses, runtime, target);
    }

    /** This lock, recording these licenses ({@code GROUP:ARTIFACT:VERSION} to what its POM declares). */
    public Lock withLicenses(java.util.Map<String, License> declared) {
        return new Lock(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, sources,
                new java.util.TreeMap<>(declared), runtime, target);
    }

    /**
     * This lock, recording the {@code GROUP:ARTIFACT:VERSION} jars the reactor's modules depend on at
     * run time (compile and runtime scope, after Maven's mediation): what a jar with dependencies can
     * bundle, as opposed to plugins, build tools and test libraries.
     */
    public Lock withRuntime(java.util.Collection<String> gavs) {
        return new Lock(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, sources,
                licenses, new java.util.TreeSet<>(gavs), target);
    }

    /** This lock, valid for the platform {@code target} ({@code os.name os.arch}). */
    public Lock withTarget(String target) {
        return new Lock(mavenVersion, mavenArgs, repositories, prefixes, metadata, files, unverified, incomplete, sources,
                licenses, runtime, target);
    }

    /** The pinned distfile named {@code name}, if portkit hashed it. */
    public java.util.Optional<SourceDistfile> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean isComplete() {
        return unverified.isEmpty() && incomplete.isEmpty();
    }

    public long totalSize() {
        return files.stream().mapToLong(LockEntry::size).sum();
    }
}
