package org.portkit.lock;

/**
 * A file the build needs that could not be obtained where the lock was made: it has no digest,
 * and whatever depends on it (its own dependencies, the run-time recording) is not known yet.
 *
 * @param repository the repository that should serve it and could not be reached
 * @param path its repository-relative path
 * @param reason why it could not be obtained, as the resolver said
 */
public record Unverified(String repository, String path, String reason) implements Comparable<Unverified> {
    @Override
    public int compareTo(Unverified o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : repository.compareTo(o.repository);
    }
}
