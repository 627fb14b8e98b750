package org.portkit.update;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.port.SpecFile;

/**
 * port.conf edited in place: the value text of some settings is replaced on the line Typesafe
 * Config says each is set on, and every other byte (comments, layout, order) is kept. The result
 * is parsed again and must hold exactly the new values. Pure.
 */
public final class SpecEdit {
    private SpecEdit() {}

    /** {@code text} (named {@code origin} in messages) with each path's value set to the string given. */
    public static String apply(String text, String origin, Map<String, String> values) {
        String edited = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            edited = replace(edited, origin, v.getKey(), v.getValue());
        }
        Config expected = SpecFile.config(text, origin);
        for (Map.Entry<String, String> v : values.entrySet()) {
            expected = expected.withValue(v.getKey(), ConfigValueFactory.fromAnyRef(v.getValue()));
        }
        if (!SpecFile.config(edited, origin).root().equals(expected.root())) {
            throw new PortkitException(Failure.BAD_INPUT, origin + ": setting " + values.keySet()
                    + " in place would change other values too (is one set twice?): set " + values + " by hand");
        }
        return edited;
    }

    private static String replace(String text, String origin, String path, String value) {
        int number = SpecFile.config(text, origin).getValue(path).origin().lineNumber();
        // split with -1 keeps a final newline, and "\r" stays on its line: joined back, only the value differs.
        String[] lines = text.split("\n", -1);
        String line = lines[number - 1];
        List<int[]> spans = valueSpans(line, Arrays.asList(path.split("\\.")));
        if (spans.size() != 1) {
            throw new PortkitException(Failure.BAD_INPUT, origin + ": " + number + ": cannot edit " + path
                    + " in place (only a quoted or plain value on one line is): set it to \"" + value + "\" by hand");
        }
        int[] span = spans.get(0);
        lines[number - 1] = line.substring(0, span[0])
                + ConfigValueFactory.fromAnyRef(value).render(ConfigRenderOptions.concise()) + line.substring(span[1]);
        return String.join("\n", lines);
    }

    private enum Kind { QUOTED, PLAIN, OTHER }

    /** One HOCON token of a line: a quoted string, a plain (unquoted) word, or anything else (one character). */
    private record Token(Kind kind, int start, int end, String text) {
        boolean is(char c) {
            return kind == Kind.OTHER && text.charAt(0) == c;
        }

        boolean isString() {
            return kind == Kind.QUOTED || kind == Kind.PLAIN;
        }
    }

    /**
     * Where on {@code line} a key ending in {@code path} (as {@code source.file}, or {@code file}
     * inside {@code source { }}) is set to one quoted or plain value, standing alone.
     */
    private static List<int[]> valueSpans(String line, List<String> path) {
        List<Token> t = tokens(line);
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 2 < t.size(); i++) {
            boolean alone = i + 3 == t.size() || t.get(i + 3).is(',') || t.get(i + 3).is('}') || t.get(i + 3).is(']');
            if (t.get(i).isString() && (t.get(i + 1).is('=') || t.get(i + 1).is(':')) && t.get(i + 2).isString()
                    && alone && endsWith(path, key(t.get(i)))) {
                spans.add(new int[] {t.get(i + 2).start(), t.get(i + 2).end()});
            }
        }
        return spans;
    }

    /** Tokens up to a comment or a string that goes on past the line (a triple-quoted one). */
    private static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '#' || line.startsWith("//", i)) {
                break;
            }
            if (Character.isWhitespace(c)) {
                i++;
            } else if (line.startsWith("\"\"\"", i)) {
                int end = line.indexOf("\"\"\"", i + 3);
                if (end < 0) {
                    break;
                }
                out.add(new Token(Kind.OTHER, i, end + 3, line.substring(i, end + 3)));
                i = end + 3;
            } else if (c == '"') {
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= line.length()) {
                    break;
                }
                out.add(new Token(Kind.QUOTED, i, end + 1, line.substring(i + 1, end)));
                i = end + 1;
            } else if (plain(c)) {
                int end = i;
                while (end < line.length() && plain(line.charAt(end)) && !line.startsWith("//", end)) {
                    end++;
                }
                out.add(new Token(Kind.PLAIN, i, end, line.substring(i, end)));
                i = end;
            } else {
                out.add(new Token(Kind.OTHER, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /** Characters HOCON allows in an unquoted string. */
    private static boolean plain(char c) {
        return !Character.isWhitespace(c) && "$\"{}[]:=,+#`^?!@*&\\".indexOf(c) < 0;
    }

    /** A key's path elements: a plain key is a path expression (a.b.c), a quoted one is one element. */
    private static List<String> key(Token t) {
        return t.kind() == Kind.QUOTED ? List.of(t.text()) : Arrays.asList(t.text().split("\\."));
    }

    private static boolean endsWith(List<String> path, List<String> suffix) {
        return suffix.size() <= path.size() && path.subList(path.size() - suffix.size(), path.size()).equals(suffix);
    }
}
