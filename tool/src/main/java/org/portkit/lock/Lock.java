package org.portkit.lock;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What an offline build of one project needs, pinned: the Maven it was computed for, the arguments
 * the port gives Maven, the repositories by id, every file with its digest, and plugin prefixes.
 * Later stages (port generation, archives, diffs) work from this alone.
 */
public record Lock(
        String mavenVersion,
        List<String> mavenArgs,
        SortedMap<String, String> repositories,
        SortedSet<PluginPrefix> prefixes,
        SortedSet<LockEntry> files) {

    public long totalSize() {
        return files.stream().mapToLong(LockEntry::size).sum();
    }
}
