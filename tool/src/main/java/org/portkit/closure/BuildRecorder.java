package org.portkit.closure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.maven.MavenArgs;
import org.portkit.maven.MavenDistribution;
import org.portkit.maven.MavenRun;
import org.portkit.resolve.Resolver;

/**
 * Runs the real build once, online, with every repository mirrored by a {@link RecordingMirror} and
 * an empty local repository: whatever Maven and its plugins fetch while they run (test providers,
 * compiler back-ends, tools) passes through portkit's resolver and joins the closure.
 */
public final class BuildRecorder {
    private final Resolver resolver;
    private final MavenDistribution maven;
    private final Path javaHome;

    public BuildRecorder(Resolver resolver, MavenDistribution maven, Path javaHome) {
        this.resolver = resolver;
        this.maven = maven;
        this.javaHome = javaHome;
    }

    /**
     * @param project a fresh copy of the source, which this run builds in
     * @param repositories every repository known so far, mirrors applied, by the id the POMs use
     * @param work a directory for the run's settings and local repository
     * @param log where Maven's output goes
     */
    public void record(Path project, MavenArgs args, Map<String, RemoteRepository> repositories, Path work, Path log)
            throws IOException {
        try (RecordingMirror mirror = new RecordingMirror(resolver, new LinkedHashMap<>(repositories))) {
            Path settings = Files.writeString(work.resolve("record-settings.xml"), settings(mirror, repositories.keySet()));
            MavenRun.run(maven, javaHome, project,
                    List.of("-s", settings.toString(), "-Dmaven.repo.local=" + work.resolve("record-m2")),
                    args.all(), log, "the recording build (online, through portkit's mirror)");
        }
    }

    private static String settings(RecordingMirror mirror, Iterable<String> ids) {
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
