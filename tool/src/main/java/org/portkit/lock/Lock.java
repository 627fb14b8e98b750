package org.portkit.lock;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What an offline build of one project needs, pinned: the Maven it was computed for, the arguments
 * the port gives Maven, the repositories by id, every file with its digest, plugin prefixes, and
 * the repository directories whose metadata Maven reads (version ranges, version-less plugins,
 * prefix look-ups). Later stages (port generation, archives, diffs) work from this alone.
 */
public record Lock(
        String mavenVersion,
        List<String> mavenArgs,
        SortedMap<String, String> repositories,
        SortedSet<PluginPrefix> prefixes,
        SortedSet<String> metadata,
        SortedSet<LockEntry> files) {

    public long totalSize() {
        return files.stream().mapToLong(LockEntry::size).sum();
    }
}
