package org.portkit.text;

import java.util.Arrays;
import java.util.List;

/** Plain-text filling for the prose portkit writes: DESCR, READMEs, Makefile comments. */
public final class Text {
    private Text() {}

    /** Wraps each paragraph to {@code width} columns; paragraphs are separated by blank lines. */
    public static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(fill(Arrays.asList(paragraph.strip().split("\\s+")), "", width));
        }
        return out.toString();
    }

    /**
     * Greedy fill of {@code atoms} (never broken) into lines of at most {@code width} columns,
     * each starting with {@code prefix} and ending with a newline; an atom longer than a line
     * stands alone.
     */
    public static String fill(List<String> atoms, String prefix, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String atom : atoms) {
            if (column > 0 && column + 1 + atom.length() > width) {
                out.append('\n');
                column = 0;
            }
            if (column == 0) {
                out.append(prefix).append(atom);
                column = prefix.length() + atom.length();
            } else {
                out.append(' ').append(atom);
                column += 1 + atom.length();
            }
        }
        return column == 0 ? "" : out.append('\n').toString();
    }
}
