package org.portkit.closure;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.aether.artifact.Artifact;
import org.portkit.m2.Layout;
import org.portkit.maven.Target;
import org.portkit.resolve.Fetched;

/**
 * What the recording build read through the mirror, one line each: {@code artifact REPOSITORY PATH}
 * or {@code metadata REPOSITORY DIRECTORY}. It started from an empty local repository, so this is
 * everything the build reads and nothing else: the lock of a recorded build holds exactly these,
 * and what static resolution fetched beyond them (plugin trees kept in doubt, POMs of dependencies
 * the build never resolves) is left out. One exception: where a plugin picks artifacts by platform
 * (os-maven-plugin's classifiers), the build on this host picked the host's; the target's, which
 * static resolution found, join them, so the lock serves the port on the target and the check here.
 * It also keeps {@code runtime GROUP:ARTIFACT:VERSION}, the jars static resolution found the modules
 * need at run time, so that a replay, which needs no static resolution, gives the same lock.
 *
 * @param ran whether Maven ran (false: an earlier identical recording was replayed)
 * @param lines sorted
 * @param file where it is kept for later runs with the same digest
 */
record Recorded(boolean ran, SortedSet<String> lines, Path file) {
    static final String RUNTIME = "runtime ";

    Recorded {
        lines = Collections.unmodifiableSortedSet(new TreeSet<>(lines));
    }

    /** This recording with the fetched files whose classifier picks the target's platform. */
    Recorded withPicked(Collection<Fetched> fetched, Target target) {
        TreeSet<String> more = new TreeSet<>(lines);
        fetched.stream().filter(f -> picked(f.path(), target))
                .forEach(f -> more.add("artifact " + f.repository().id() + ' ' + f.path()));
        return new Recorded(ran, more, file);
    }

    /** This recording with the modules' run-time jars ({@code GROUP:ARTIFACT:VERSION}). */
    Recorded withRuntime(Collection<String> gavs) {
        TreeSet<String> more = new TreeSet<>(lines);
        gavs.forEach(gav -> more.add(RUNTIME + gav));
        return new Recorded(ran, more, file);
    }

    /** The modules' run-time jars, as static resolution found them when the build was recorded. */
    SortedSet<String> runtime() {
        TreeSet<String> gavs = new TreeSet<>();
        lines.stream().filter(l -> l.startsWith(RUNTIME)).forEach(l -> gavs.add(l.substring(RUNTIME.length())));
        return gavs;
    }

    /** The fetched files the build read. */
    List<Fetched> filter(Collection<Fetched> fetched) {
        return fetched.stream().filter(f -> lines.contains("artifact " + f.repository().id() + ' ' + f.path())).toList();
    }

    private static boolean picked(String path, Target target) {
        Artifact a = Layout.artifact(path);
        return a != null && !a.getClassifier().isEmpty() && target.picks(a.getClassifier());
    }

    /** The repository directories whose metadata the build read. */
    Set<String> metadata() {
        TreeSet<String> dirs = new TreeSet<>();
        lines.stream().filter(l -> l.startsWith("metadata ")).forEach(l -> dirs.add(l.split(" ", 3)[2]));
        return dirs;
    }
}
