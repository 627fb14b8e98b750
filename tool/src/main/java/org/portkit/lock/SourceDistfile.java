package org.portkit.lock;

/**
 * The upstream source archive the lock was computed from, as the port fetches it: its distfile
 * name and the digest of the bytes portkit downloaded. Absent from a lock resolved from another
 * copy of the source (a checkout, or an archive made locally), because those bytes are not the
 * distfile's.
 */
public record SourceDistfile(String name, String sha256, long size) implements Comparable<SourceDistfile> {
    public SourceDistfile {
        if (!sha256.matches("[0-9a-f]{64}") || size < 0 || name.contains(" ")) {
            throw new IllegalArgumentException("expected: source NAME SHA256 SIZE");
        }
    }

    @Override
    public int compareTo(SourceDistfile o) {
        return name.compareTo(o.name);
    }
}
