package org.portkit.port;

import java.util.Base64;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A port's distinfo: for every distfile, its SHA-256 (base64) and size, all SHA256 lines first,
 * then all SIZE lines, each group sorted by name, as {@code make makesum} writes it. Only files
 * portkit hashed can be entered: an entry takes the digest, never a placeholder.
 */
public final class Distinfo {
    private record Digest(String sha256Hex, long size) {}

    private final SortedMap<String, Digest> entries = new TreeMap<>();

    /** @param name the distfile as DISTFILES names it (path prefix included, {@code {url}} part excluded) */
    public Distinfo add(String name, String sha256Hex, long size) {
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256Hex + " for " + name);
        }
        Digest previous = entries.putIfAbsent(name, new Digest(sha256Hex, size));
        if (previous != null && !previous.equals(new Digest(sha256Hex, size))) {
            throw new IllegalArgumentException("two different files named " + name);
        }
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        entries.forEach((name, d) -> out.append("SHA256 (").append(name).append(") = ")
                .append(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256Hex()))).append('\n'));
        entries.forEach((name, d) -> out.append("SIZE (").append(name).append(") = ").append(d.size()).append('\n'));
        return out.toString();
    }
}
