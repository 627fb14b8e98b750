package org.portkit.port;

/** Plain-text helpers for the port's prose files. */
final class Text {
    private Text() {}

    /** Wraps each paragraph to {@code width} columns; paragraphs are separated by blank lines. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int column = 0;
            for (String word : paragraph.strip().split("\\s+")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            out.append('\n');
        }
        return out.toString();
    }
}
