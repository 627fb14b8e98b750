package org.portkit.closure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.portkit.io.AtomicFiles;
import org.portkit.io.Hashing;
import org.portkit.m2.Layout;
import org.portkit.maven.MavenArgs;
import org.portkit.maven.MavenDistribution;
import org.portkit.maven.MavenRun;
import org.portkit.resolve.Resolver;

/**
 * Runs the real build once, online, with every repository mirrored by a {@link RecordingMirror} and
 * an empty local repository: whatever Maven and its plugins fetch while they run (test providers,
 * compiler back-ends, tools) passes through portkit's resolver and joins the closure.
 *
 * <p>What a build fetched is kept in the cache under a digest of everything that decides it (the
 * source tree, the arguments, Maven's and the JDK's versions, the repositories, portkit's own code). A later run with
 * the same digest replays that list through the resolver instead of building again.
 */
public final class BuildRecorder {
    /** Part of the digest: a change in what a recording holds makes older ones miss. */
    private static final String FORMAT = "portkit recording 5";

    private final Resolver resolver;
    private final MavenDistribution maven;
    private final Path javaHome;
    private final List<String> targetOptions;
    private final Path recordings;

    /** @param recordings where the lists of fetched files are kept between runs */
    /** @param targetOptions options that make the build on this host the target's (its {@code <os>} profiles) */
    BuildRecorder(Resolver resolver, MavenDistribution maven, Path javaHome, List<String> targetOptions, Path recordings) {
        this.resolver = resolver;
        this.maven = maven;
        this.javaHome = javaHome;
        this.targetOptions = targetOptions;
        this.recordings = recordings;
    }

    /**
     * Where the recording of a build with these inputs is kept: named by a digest of everything
     * that decides what the build reads.
     *
     * @param tree the source tree's digest ({@link Hashing#tree})
     * @param repositories every repository known when the build starts, mirrors applied, by the id the POMs use
     */
    Path recordingFile(String tree, MavenArgs args, Map<String, RemoteRepository> repositories) {
        List<String> facts = new ArrayList<>(List.of(FORMAT, "portkit " + ToolDigest.value(), "maven " + maven.version(),
                "java " + MavenRun.javaVersion(javaHome), "tree " + tree));
        targetOptions.forEach(o -> facts.add("target " + o));
        args.all().forEach(a -> facts.add("arg " + a));
        repositories.forEach((id, r) -> facts.add("repository " + id + " " + r.getUrl()));
        return recordings.resolve(Hashing.lines(facts) + ".txt");
    }

    /**
     * What an earlier successful run with the same inputs recorded, resolved again (from the cache);
     * empty when there is none, or when anything in it is no longer to be had.
     *
     * @param more the repositories not known when the build starts (those static resolution finds),
     *     asked only for a recorded line that names one of them
     */
    Optional<Recorded> replay(Path saved, Map<String, RemoteRepository> repositories,
            Supplier<Map<String, RemoteRepository>> more) throws IOException {
        if (!Files.isRegularFile(saved)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(saved).stream().filter(l -> !l.isEmpty()).toList();
        return replay(lines, repositories, more) ? Optional.of(new Recorded(false, new TreeSet<>(lines), saved))
                : Optional.empty();
    }

    /**
     * Runs the build, online through the mirror, in {@code project}.
     *
     * @param more blocks until the rest of the repositories is known, asked only when a request
     *     finds nothing in the others
     * @param work a directory for the run's settings and local repository
     * @param log where Maven's output goes
     */
    Recorded build(Path saved, Path project, MavenArgs args, Map<String, RemoteRepository> repositories,
            Supplier<Map<String, RemoteRepository>> more, Path work, Path log) throws IOException {
        try (RecordingMirror mirror = new RecordingMirror(resolver, repositories, more)) {
            Path settings = Files.writeString(work.resolve("record-settings.xml"), settings(mirror, repositories.keySet()));
            List<String> options = new ArrayList<>(List.of("-s", settings.toString(),
                    "-Dmaven.repo.local=" + work.resolve("record-m2")));
            options.addAll(targetOptions);
            MavenRun.run(maven, javaHome, project, options, args.all(), log,
                    "the recording build (online, through portkit's mirror)");
            return new Recorded(true, new TreeSet<>(mirror.served()), saved);
        }
    }

    /**
     * Keeps what a build read for later runs with the same digest: called once the whole run
     * succeeded, so that a replay never answers where the recorded run failed.
     */
    static void keep(Recorded recorded) {
        if (recorded.ran()) {
            AtomicFiles.writeString(recorded.file(), String.join("\n", recorded.lines()) + "\n");
        }
    }

    /** Resolves a recorded list again (from the cache); false if anything is no longer to be had. */
    private boolean replay(List<String> lines, Map<String, RemoteRepository> repositories,
            Supplier<Map<String, RemoteRepository>> more) {
        for (String line : lines) {
            if (line.startsWith(Recorded.RUNTIME)) {
                continue;
            }
            String[] w = line.split(" ", 3);
            RemoteRepository repository = w.length != 3 ? null
                    : repositories.containsKey(w[1]) ? repositories.get(w[1]) : more.get().get(w[1]);
            if (repository == null) {
                return false;
            }
            boolean found;
            if (w[0].equals("metadata")) {
                found = resolver.tryMetadata(new DefaultMetadata(w[2].replace('/', '.'), "maven-metadata.xml",
                        Metadata.Nature.RELEASE), repository) != null;
            } else {
                Artifact artifact = Layout.artifact(w[2]);
                ArtifactResult r = artifact == null ? null : resolver.tryResolve(artifact, repository);
                found = r != null && r.isResolved();
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String settings(RecordingMirror mirror, Set<String> ids) {
        StringBuilder s = new StringBuilder("<settings>\n  <mirrors>\n");
        // An exact id wins over '*' in Maven's mirror selection, so each known repository keeps its id.
        for (String id : ids) {
            s.append(mirrorXml(id, id, mirror.url(id)));
        }
        s.append(mirrorXml("portkit-any", "*", mirror.url(RecordingMirror.ANY)));
        return s.append("  </mirrors>\n</settings>\n").toString();
    }

    private static String mirrorXml(String id, String of, String url) {
        return "    <mirror><id>" + id + "</id><mirrorOf>" + of + "</mirrorOf><url>" + url + "</url></mirror>\n";
    }
}
