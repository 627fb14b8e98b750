package org.portkit.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.portkit.cli.ExitStatus;
import org.portkit.cli.PortkitException;

/**
 * Artifacts that could not be obtained, gathered over a whole run so that the user sees all of
 * them at once: which artifact, from which repository and URL, and why.
 */
public final class Problems {
    private final Set<String> lines = new TreeSet<>();
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
        for (Throwable t : causes) {
            addCause(t);
        }
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
        lines.add("  " + t.getMessage());
    }

    public synchronized void add(Artifact artifact, Exception e) {
        ArtifactRepository repo = e instanceof ArtifactTransferException ate ? ate.getRepository() : null;
        String where = repo instanceof RemoteRepository remote
                ? " from " + remote.getId() + " (" + Repository.of(remote).url() + Layout.path(artifact) + ")" : "";
        boolean isChecksum = causes(e, ChecksumFailureException.class);
        checksum |= isChecksum;
        String why = e instanceof ArtifactNotFoundException ? "not found there"
                : isChecksum ? "CHECKSUM MISMATCH: " + rootMessage(e) : rootMessage(e);
        lines.add("  " + artifact + where + ": " + why);
    }

    private static boolean causes(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == t ? m : t.getMessage() + " (" + m + ")";
    }

    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Stops the run when anything could not be obtained; a checksum mismatch has its own status. */
    public synchronized void throwIfAny(String what) {
        if (lines.isEmpty()) {
            return;
        }
        String message = what + ": " + lines.size() + " could not be obtained:\n" + String.join("\n", lines)
                + (checksum
                        ? "\nA checksum mismatch means the bytes served are not those published: do not work around it."
                        : "\nCheck that each repository is reachable from this machine (network, proxy in settings.xml),"
                                + " or resolve on a machine that reaches it. No lock was written.");
        throw new PortkitException(checksum ? ExitStatus.CHECKSUM : ExitStatus.UNOBTAINABLE, message);
    }
}
