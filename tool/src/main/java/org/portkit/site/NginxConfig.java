package org.portkit.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * nginx's configuration as a tree of directives ({@code name args;} or {@code name args { ... }}),
 * enough to follow server blocks, listen ports and locations. Quoting and comments as nginx reads them.
 */
public record NginxConfig(List<Directive> directives) {

    public record Directive(String name, List<String> args, List<Directive> block) {
        public String arg(int i) {
            return i < args.size() ? args.get(i) : "";
        }

        /** Children named {@code name}. */
        public Stream<Directive> all(String name) {
            return block.stream().filter(d -> d.name.equals(name));
        }

        public Optional<Directive> first(String name) {
            return all(name).findFirst();
        }
    }

    /** Every {@code server} block inside {@code http}. */
    public List<Directive> servers() {
        return directives.stream().filter(d -> d.name().equals("http")).flatMap(h -> h.all("server")).toList();
    }

    public static NginxConfig parse(String file, String text) {
        List<String> tokens = tokens(file, text);
        int[] at = {0};
        List<Directive> top = block(file, tokens, at, false);
        return new NginxConfig(top);
    }

    private static List<Directive> block(String file, List<String> tokens, int[] at, boolean nested) {
        List<Directive> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (at[0] < tokens.size()) {
            String t = tokens.get(at[0]++);
            switch (t) {
                case ";" -> {
                    requireName(file, words);
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), List.of()));
                    words.clear();
                }
                case "{" -> {
                    requireName(file, words);
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), block(file, tokens, at, true)));
                    words.clear();
                }
                case "}" -> {
                    if (!nested || !words.isEmpty()) {
                        throw new PortkitException(Failure.BAD_INPUT, file + ": unexpected '}'");
                    }
                    return out;
                }
                default -> words.add(t);
            }
        }
        if (nested || !words.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, file + ": unexpected end of file (a missing ';' or '}')");
        }
        return out;
    }

    private static void requireName(String file, List<String> words) {
        if (words.isEmpty()) {
            throw new PortkitException(Failure.BAD_INPUT, file + ": a ';' or '{' without a directive");
        }
    }

    private static List<String> tokens(String file, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '{' || c == '}') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new PortkitException(Failure.BAD_INPUT, file + ": unterminated quote");
                }
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && ";{}".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
