package org.portkit.resolve;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.Network;
import org.portkit.m2.Layout;

/**
 * Artifacts that could not be obtained, gathered over a whole run so that the user sees all of
 * them at once: for each artifact, every repository that was asked, its URL, and why it failed.
 *
 * <p>One rule says what "obtained" means, for every stage alike (the static closure, the recording
 * build, a partial lock): some repository delivered the file and it passed its checksum. Then
 * another repository's failure to deliver it (unreachable, not found) is no problem; a checksum
 * failure always is.
 */
public final class Problems {
    /** Why one repository did not deliver one artifact. */
    public record Miss(String path, String repositoryUrl, String cause, boolean notFound, boolean checksum) {}

    /** artifact, then repository id (or "" when none was involved), to its failure. */
    private final Map<String, Map<String, Miss>> byArtifact = new TreeMap<>();
    /** Repository paths that some repository delivered, verified. */
    private final Set<String> obtained = new HashSet<>();
    /** Requests that cannot be met whatever the repositories hold (an inverted version range). */
    private boolean badInput;

    public synchronized void add(Collection<ArtifactResult> results) {
        for (ArtifactResult r : results) {
            if (!r.isResolved()) {
                r.getExceptions().forEach(e -> add(r.getRequest().getArtifact(), e));
            }
        }
    }

    public synchronized void add(DependencyResolutionException e) {
        List<Throwable> causes = new ArrayList<>(e.getResult().getCollectExceptions());
        if (e.getResult().getArtifactResults() != null) {
            add(e.getResult().getArtifactResults());
        }
        if (causes.isEmpty() && e.getCause() != null) {
            causes.add(e.getCause());
        }
        causes.forEach(this::addCause);
    }

    private void addCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ArtifactResolutionException are) {
                add(are.getResults());
                return;
            }
            if (c instanceof ArtifactTransferException ate) {
                add(ate.getArtifact(), ate);
                return;
            }
        }
        badInput |= causedBy(t, InvalidVersionSpecificationException.class);
        byArtifact.computeIfAbsent(message(t), k -> new TreeMap<>())
                .putIfAbsent("", new Miss(null, null, "", false, false));
    }

    /** A failure with no artifact transfer behind it, in the user's words: no Java class names. */
    private static String message(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof VersionRangeResolutionException v) {
                return rangeMessage(v);
            }
            if (c instanceof InvalidVersionSpecificationException) {
                return c.getMessage() + ": the range can match no version; fix it in the POM";
            }
        }
        return String.valueOf(t.getMessage());
    }

    /** Which repositories were asked for a range, at which URL: a range that matches nothing is a question of where. */
    private static String rangeMessage(VersionRangeResolutionException e) {
        StringBuilder m = new StringBuilder(e.getMessage());
        if (causedBy(e, InvalidVersionSpecificationException.class)) {
            return m.append(": the range can match no version").toString();
        }
        if (e.getResult() != null && e.getResult().getRequest() != null) {
            var request = e.getResult().getRequest();
            String dir = request.getArtifact().getGroupId().replace('.', '/') + '/' + request.getArtifact().getArtifactId()
                    + "/maven-metadata.xml";
            m.append("; asked:");
            for (RemoteRepository r : request.getRepositories()) {
                m.append("\n      ").append(r.getId()).append(": ").append(Repository.of(r).url()).append(dir);
            }
        }
        return m.toString();
    }

    public synchronized void add(Artifact artifact, Exception e) {
        ArtifactRepository repo = e instanceof ArtifactTransferException ate ? ate.getRepository() : null;
        String id = repo instanceof RemoteRepository remote ? remote.getId() : "";
        String url = repo instanceof RemoteRepository remote ? Repository.of(remote).url() : null;
        boolean isChecksum = causedBy(e, ChecksumFailureException.class);
        badInput |= causedBy(e, InvalidVersionSpecificationException.class);
        String key = e instanceof VersionRangeResolutionException v ? rangeMessage(v) : artifact.toString();
        // The first cause per repository is the informative one; later ones repeat it from the resolver's cache.
        byArtifact.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(id,
                new Miss(Layout.path(artifact), url, why(e, isChecksum), e instanceof ArtifactNotFoundException, isChecksum));
    }

    /** A cached file whose bytes no longer match the checksum recorded when it was downloaded. */
    synchronized void changedInCache(Artifact artifact, RemoteRepository repository, String why) {
        byArtifact.computeIfAbsent(artifact.toString(), k -> new TreeMap<>()).put(repository.getId(),
                new Miss(Layout.path(artifact), Repository.of(repository).url(), "CHECKSUM MISMATCH IN THE CACHE: " + why
                        + ". Delete it (portkit downloads it again), or the whole cache if you do not know who changed it",
                        false, true));
    }

    /** {@code path} was delivered by some repository and verified. */
    synchronized void obtained(String path) {
        obtained.add(path);
    }

    /** The problems that stand: an artifact some repository delivered is obtained, unless a checksum failed. */
    private Map<String, Map<String, Miss>> standing() {
        Map<String, Map<String, Miss>> result = new TreeMap<>();
        byArtifact.forEach((artifact, causes) -> {
            boolean delivered = causes.values().stream().anyMatch(m -> m.path() != null && obtained.contains(m.path()));
            if (!delivered || causes.values().stream().anyMatch(Miss::checksum)) {
                result.put(artifact, causes);
            }
        });
        return result;
    }

    private static boolean anyChecksum(Map<String, Map<String, Miss>> problems) {
        return problems.values().stream().flatMap(c -> c.values().stream()).anyMatch(Miss::checksum);
    }

    private static String why(Exception e, boolean isChecksum) {
        if (e instanceof ArtifactNotFoundException) {
            return "not found";
        }
        if (isChecksum) {
            return "CHECKSUM MISMATCH: " + root(e).getMessage();
        }
        Throwable root = root(e);
        if (root instanceof UnknownHostException) {
            // The JDK sometimes appends the resolver's words ("host: Name or service not known"): keep the host only.
            return "unreachable: unknown host " + String.valueOf(root.getMessage()).split(":")[0];
        }
        if (root instanceof SocketTimeoutException && !String.valueOf(root.getMessage()).toLowerCase().contains("connect")) {
            return "timed out: the server sent nothing for " + Network.silenceTimeoutMillis() / 1000 + " s";
        }
        if (root instanceof ConnectException || root instanceof SocketTimeoutException) {
            return "unreachable: " + root.getMessage();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean causedBy(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    public synchronized boolean isEmpty() {
        return standing().isEmpty();
    }

    /**
     * For a partial lock: each artifact that a repository could not deliver because it could not be
     * reached (not because it said "not found"), by "repositoryId path" to the cause and the
     * repository's URL. Null when some failure is not of that kind (a real absence, a checksum
     * mismatch, a POM problem): those are never papered over.
     */
    public synchronized Map<String, Miss> unreachableOnly() {
        Map<String, Miss> result = new TreeMap<>();
        Map<String, Map<String, Miss>> standing = standing();
        for (Map<String, Miss> causes : standing.values()) {
            Map.Entry<String, Miss> unreachable = causes.entrySet().stream()
                    .filter(c -> !c.getKey().isEmpty() && !c.getValue().notFound()).findFirst().orElse(null);
            if (badInput || anyChecksum(standing) || unreachable == null) {
                return null;
            }
            result.put(unreachable.getKey() + ' ' + unreachable.getValue().path(), unreachable.getValue());
        }
        return result;
    }

    /** Stops the run when anything could not be obtained; a checksum mismatch has its own status. */
    public synchronized void throwIfAny(String what) {
        Map<String, Map<String, Miss>> standing = standing();
        if (standing.isEmpty()) {
            return;
        }
        boolean checksum = anyChecksum(standing);
        boolean notFoundOnly = standing.values().stream().flatMap(c -> c.values().stream())
                .allMatch(m -> m.notFound() || m.repositoryUrl() == null);
        StringBuilder report = new StringBuilder(what + ": " + standing.size() + " could not be obtained:");
        standing.forEach((artifact, causes) -> {
            report.append("\n  ").append(artifact);
            causes.forEach((repo, failure) -> {
                if (!repo.isEmpty() || !failure.cause().isEmpty()) {
                    report.append("\n      ").append(repo.isEmpty() ? "" : repo + ": ").append(failure.cause())
                            .append(failure.repositoryUrl() == null ? "" : " (" + failure.repositoryUrl() + failure.path() + ")");
                }
            });
        });
        report.append(checksum
                ? "\nA checksum mismatch means the bytes are not those the repository published: do not work around it."
                : badInput ? "\nFix the POM that asks for it. No lock was written."
                : notFoundOnly ? "\nNo repository asked has it: check the coordinates and version in the POM, or declare the"
                        + " repository that publishes it. No lock was written."
                : "\nCheck that each repository is reachable from this machine (network, proxy in settings.xml),"
                        + " or resolve on a machine that reaches it. No lock was written.");
        throw new PortkitException(checksum ? Failure.CHECKSUM : badInput ? Failure.BAD_INPUT : Failure.UNOBTAINABLE,
                report.toString());
    }
}
