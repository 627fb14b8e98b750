package org.portkit.resolve;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.m2.Layout;

/**
 * Artifacts that could not be obtained, gathered over a whole run so that the user sees all of
 * them at once: for each artifact, every repository that was asked, its URL, and why it failed.
 */
public final class Problems {
    /** Why one repository did not deliver one artifact. */
    public record Miss(String path, String repositoryUrl, String cause, boolean notFound) {}

    /** artifact, then repository id (or "" when none was involved), to its failure. */
    private final Map<String, Map<String, Miss>> byArtifact = new TreeMap<>();
    private boolean checksum;

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
        byArtifact.computeIfAbsent(String.valueOf(t.getMessage()), k -> new TreeMap<>())
                .putIfAbsent("", new Miss(null, null, "", false));
    }

    public synchronized void add(Artifact artifact, Exception e) {
        ArtifactRepository repo = e instanceof ArtifactTransferException ate ? ate.getRepository() : null;
        String id = repo instanceof RemoteRepository remote ? remote.getId() : "";
        String url = repo instanceof RemoteRepository remote ? Repository.of(remote).url() : null;
        boolean isChecksum = causedBy(e, ChecksumFailureException.class);
        checksum |= isChecksum;
        // The first cause per repository is the informative one; later ones repeat it from the resolver's cache.
        byArtifact.computeIfAbsent(artifact.toString(), k -> new TreeMap<>()).putIfAbsent(id,
                new Miss(Layout.path(artifact), url, why(e, isChecksum), e instanceof ArtifactNotFoundException));
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
        return byArtifact.isEmpty();
    }

    /**
     * For a partial lock: each artifact that a repository could not deliver because it could not be
     * reached (not because it said "not found"), by "repositoryId path" to the cause and the
     * repository's URL. Null when some failure is not of that kind (a real absence, a checksum
     * mismatch, a POM problem): those are never papered over.
     */
    public synchronized Map<String, Miss> unreachableOnly() {
        Map<String, Miss> result = new TreeMap<>();
        for (Map<String, Miss> causes : byArtifact.values()) {
            Map.Entry<String, Miss> unreachable = causes.entrySet().stream()
                    .filter(c -> !c.getKey().isEmpty() && !c.getValue().notFound()).findFirst().orElse(null);
            if (checksum || unreachable == null) {
                return null;
            }
            result.put(unreachable.getKey() + ' ' + unreachable.getValue().path(), unreachable.getValue());
        }
        return result;
    }

    /** Stops the run when anything could not be obtained; a checksum mismatch has its own status. */
    public synchronized void throwIfAny(String what) {
        if (byArtifact.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder(what + ": " + byArtifact.size() + " could not be obtained:");
        byArtifact.forEach((artifact, causes) -> {
            report.append("\n  ").append(artifact);
            causes.forEach((repo, failure) -> {
                if (!repo.isEmpty() || !failure.cause().isEmpty()) {
                    report.append("\n      ").append(repo.isEmpty() ? "" : repo + ": ").append(failure.cause())
                            .append(failure.repositoryUrl() == null ? "" : " (" + failure.repositoryUrl() + failure.path() + ")");
                }
            });
        });
        report.append(checksum
                ? "\nA checksum mismatch means the bytes served are not those published: do not work around it."
                : "\nCheck that each repository is reachable from this machine (network, proxy in settings.xml),"
                        + " or resolve on a machine that reaches it. No lock was written.");
        throw new PortkitException(checksum ? Failure.CHECKSUM : Failure.UNOBTAINABLE, report.toString());
    }
}
