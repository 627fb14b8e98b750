package org.portkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * nginx's configuration as a tree of directives ({@code name args;} or {@code name args { ... }}),
 * enough to follow server blocks, listen ports and locations, with every {@code include} replaced
 * by the directives of the files it names, as nginx does. Quoting and comments as nginx reads them.
 *
 * @param missing files an {@code include} names that do not exist (nginx does not start)
 */
public record NginxConfig(List<Directive> directives, List<Path> missing) {

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

    /** A configuration that includes nothing. */
    public static NginxConfig parse(String file, String text) {
        Includes none = new Includes(Path.of(file).toAbsolutePath().getParent(), p -> p, new ArrayList<>());
        return new NginxConfig(block(file, tokens(file, text), new int[] {0}, false, none), List.of());
    }

    /**
     * The configuration in {@code file}, its includes followed: a relative name from {@code file}'s
     * directory (nginx's conf prefix), wildcards in name order; {@code local} maps an absolute
     * path written in a file to where it is read (a site verified under a directory).
     */
    public static NginxConfig read(Path file, UnaryOperator<Path> local) throws IOException {
        Includes includes = new Includes(file.toAbsolutePath().getParent(), local, new ArrayList<>());
        String text = Files.readString(file);
        List<Directive> top = block(file.toString(), tokens(file.toString(), text), new int[] {0}, false, includes);
        return new NginxConfig(top, List.copyOf(includes.missing()));
    }

    private record Includes(Path prefix, UnaryOperator<Path> local, List<Path> missing) {
        List<Directive> of(String name) {
            Path written = Path.of(name);
            Path path = written.isAbsolute() ? local.apply(written) : prefix.resolve(written);
            List<Path> files;
            String last = path.getFileName().toString();
            if (last.contains("*") || last.contains("?") || last.contains("[")) {
                PathMatcher glob = path.getFileSystem().getPathMatcher("glob:" + last);
                try (Stream<Path> list = Files.list(path.getParent())) {
                    files = list.filter(p -> glob.matches(p.getFileName())).sorted().toList();
                } catch (IOException e) {
                    files = List.of();
                }
            } else if (!Files.isRegularFile(path)) {
                missing.add(path);
                return List.of();
            } else {
                files = List.of(path);
            }
            List<Directive> out = new ArrayList<>();
            for (Path f : files) {
                try {
                    out.addAll(block(f.toString(), tokens(f.toString(), Files.readString(f)), new int[] {0}, false, this));
                } catch (IOException e) {
                    missing.add(f);
                }
            }
            return out;
        }
    }

    private static List<Directive> block(String file, List<String> tokens, int[] at, boolean nested, Includes includes) {
        List<Directive> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (at[0] < tokens.size()) {
            String t = tokens.get(at[0]++);
            switch (t) {
                case ";" -> {
                    requireName(file, words);
                    if (words.get(0).equals("include") && words.size() == 2) {
                        out.addAll(includes.of(words.get(1)));
                    } else {
                        out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), List.of()));
                    }
                    words.clear();
                }
                case "{" -> {
                    requireName(file, words);
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())),
                            block(file, tokens, at, true, includes)));
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
