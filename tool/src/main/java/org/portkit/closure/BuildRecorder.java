package org.portkit.closure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.portkit.io.AtomicFiles;
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
 * source tree, the arguments, Maven's and the JDK's versions, the repositories). A later run with
 * the same digest replays that list through the resolver instead of building again.
 */
public final class BuildRecorder {
    /** Part of the digest: a change in what a recording holds makes older ones miss. */
    private static final String FORMAT = "portkit recording 4";

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
     * @param project a fresh copy of the source
     * @param repositories every repository known when the build starts, mirrors applied, by the id the POMs use
     */
    Path recordingFile(Path project, MavenArgs args, Map<String, RemoteRepository> repositories) throws IOException {
        return recordings.resolve(digest(project, args, repositories) + ".txt");
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

    private String digest(Path project, MavenArgs args, Map<String, RemoteRepository> repositories) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(md, FORMAT + "\nmaven " + maven.version() + "\njava " + MavenRun.javaVersion(javaHome) + "\n");
        targetOptions.forEach(o -> update(md, "target " + o + "\n"));
        args.all().forEach(a -> update(md, "arg " + a + "\n"));
        repositories.forEach((id, r) -> update(md, "repository " + id + " " + r.getUrl() + "\n"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            update(md, "file " + project.relativize(f).toString().replace('\\', '/') + "\n");
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
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
