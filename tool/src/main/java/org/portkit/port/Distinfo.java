package org.portkit.port;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A port's distinfo: for every distfile, its SHA-256 (base64) and size, all SHA256 lines first,
 * then all SIZE lines, each group sorted by name, as {@code make makesum} writes it. Only files
 * portkit hashed can be entered: an entry takes the digest, never a placeholder.
 */
public final class Distinfo {
    private record Digest(String sha256Hex, long size) {}

    /**
     * One line of a distinfo as read back.
     *
     * @param number its line number, from 1
     * @param algorithm {@code SHA256} or {@code SIZE}; null for a line that is neither
     * @param name the distfile it names
     * @param value what follows {@code ") = "}, or null where nothing does
     */
    public record Line(int number, String algorithm, String name, String value) {}

    /**
     * What a distinfo says of one distfile.
     *
     * @param sha256Hex its SHA-256 in hex, or null without a SHA256 line
     * @param size its size, or null without a SIZE line
     */
    public record Entry(String sha256Hex, String size) {}

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

    /** Every line of a distinfo's {@code text}, as written or not. */
    public static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String algorithm = line.startsWith("SHA256 (") ? "SHA256" : line.startsWith("SIZE (") ? "SIZE" : null;
            String name = line.substring(line.indexOf('(') + 1, Math.max(line.indexOf(')'), line.indexOf('(') + 1));
            int equals = line.indexOf(") = ");
            out.add(new Line(i + 1, algorithm, name, equals < 0 ? null : line.substring(equals + 4)));
        }
        return out;
    }

    /** A distinfo's {@code text} as each distfile's SHA-256 (in hex) and size, by name. */
    public static SortedMap<String, Entry> parse(String text) {
        SortedMap<String, Entry> out = new TreeMap<>();
        for (Line line : lines(text)) {
            if (line.algorithm() != null && line.value() != null) {
                Entry was = out.getOrDefault(line.name(), new Entry(null, null));
                out.put(line.name(), line.algorithm().equals("SHA256")
                        ? new Entry(HexFormat.of().formatHex(Base64.getDecoder().decode(line.value())), was.size())
                        : new Entry(was.sha256Hex(), line.value()));
            }
        }
        return out;
    }
}
