package org.portkit.lock;

/**
 * One pinned file of the closure: where it lives in which repository, and what its bytes are.
 *
 * @param repository id of the repository that served the file (as Maven names it)
 * @param path repository-relative path, e.g. {@code org/ow2/asm/asm/9.7/asm-9.7.jar}
 * @param sha256 lower-case hex SHA-256 of the file, computed by portkit
 * @param size size in bytes
 */
public record LockEntry(String repository, String path, String sha256, long size) implements Comparable<LockEntry> {

    public LockEntry {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a repository-relative path: " + path);
        }
    }

    @Override
    public int compareTo(LockEntry o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : repository.compareTo(o.repository);
    }
}
