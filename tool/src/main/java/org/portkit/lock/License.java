package org.portkit.lock;

/**
 * The license one locked artifact's POM (or the nearest parent that has {@code <licenses>})
 * declares: an SPDX expression where the declaration was clear, otherwise UNKNOWN with the POM's
 * own words, or why there are none ({@code not fetched}, {@code none declared}, ...), so that a
 * reviewer can judge it without the POM at hand.
 *
 * <p>Exactly one of {@code spdx} and {@code unknown} is set; neither holds a line break, since
 * each is the tail of one lock line.
 */
public record License(String spdx, String unknown) {
    public static final String UNKNOWN = "UNKNOWN";

    public License {
        if ((spdx == null) == (unknown == null)) {
            throw new IllegalArgumentException("a license is either an SPDX expression or UNKNOWN with its text");
        }
        String text = spdx != null ? spdx : unknown;
        if (text.isBlank() || text.contains("\n") || text.contains("\r") || text.startsWith(UNKNOWN) && spdx != null) {
            throw new IllegalArgumentException("not a license: '" + text + "'");
        }
    }

    public static License spdx(String expression) {
        return new License(expression, null);
    }

    /** @param text the POM's words or the reason there are none; runs of white space become one space */
    public static License unknown(String text) {
        return new License(null, text.strip().replaceAll("\\s+", " "));
    }

    public boolean isKnown() {
        return spdx != null;
    }

    /** As in the lock line: the expression, or {@code UNKNOWN} and the text. */
    public String text() {
        return spdx != null ? spdx : UNKNOWN + " " + unknown;
    }

    /** Reads {@link #text()} back. */
    public static License parse(String text) {
        if (text.startsWith(UNKNOWN + " ")) {
            return unknown(text.substring(UNKNOWN.length() + 1));
        }
        return spdx(text);
    }
}
