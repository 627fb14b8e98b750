package org.portkit.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the parts of a generated Makefile (or maven.inc) that the linter and the build need:
 * top-level assignments and the commands of a target, with continuation lines joined. Only the
 * forms portkit writes are understood; this is no make interpreter.
 */
public final class MakefileText {
    private MakefileText() {}

    /**
     * One {@code VAR = value} line as written: the name, the space between it and the operator
     * ({@code =}, {@code +=}, {@code ?=}, {@code :=}, {@code !=}), the space after it, and the value.
     */
    public record Assignment(String name, String before, String operator, String after, String value) {
        private static final Pattern FORM = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)(\\s*)([+?:!]?=)(\\s*)(.*)$");

        /** The assignment {@code line} is, if it is one at top level (no command, no comment). */
        public static Optional<Assignment> of(String line) {
            Matcher m = FORM.matcher(line);
            if (line.startsWith("\t") || line.startsWith("#") || !m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Assignment(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
        }
    }

    /** Top-level assignments, values joined by a space per +=; the other operators set the value. */
    public static Map<String, List<String>> assignments(String text) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        for (String line : logicalLines(text)) {
            Assignment.of(line).ifPresent(a -> {
                boolean append = a.operator().equals("+=");
                List<String> values = append ? vars.computeIfAbsent(a.name(), k -> new ArrayList<>()) : new ArrayList<>();
                values.add(a.value().trim());
                vars.put(a.name(), values);
            });
        }
        return vars;
    }

    public static String value(Map<String, List<String>> vars, String name) {
        List<String> v = vars.get(name);
        return v == null ? null : String.join(" ", v);
    }

    /** The commands of {@code target}, each split into words. */
    public static List<String[]> commands(String text, String target) {
        List<String[]> out = new ArrayList<>();
        boolean inside = false;
        for (String line : logicalLines(text)) {
            if (!line.startsWith("\t")) {
                inside = line.startsWith(target + ":");
            } else if (inside) {
                out.add(line.trim().split("\\s+"));
            }
        }
        return out;
    }

    /** Lines with backslash continuations joined (make's and sh's). */
    public static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.lines().toList()) {
            String part = line.endsWith("\\") ? line.substring(0, line.length() - 1) : line;
            if (current == null) {
                current = new StringBuilder(part);
            } else {
                current.append(' ').append(part.strip());
            }
            if (!line.endsWith("\\")) {
                lines.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * do-install's copy commands as (source, destination as a PLIST path, the SUBST command or null
     * for a plain copy).
     */
    public static List<String[]> installs(String makefile) {
        List<String[]> out = new ArrayList<>();
        for (String[] words : commands(makefile, "do-install")) {
            if (List.of("${INSTALL_DATA}", "${INSTALL_PROGRAM}", "${INSTALL_SCRIPT}", "${SUBST_PROGRAM}", "${SUBST_DATA}",
                    "${INSTALL_MAN}")
                    .contains(words[0]) && words.length == 3) {
                out.add(new String[] {words[1], words[2].replace("${MODJAVA_JAR_DIR}", "${PREFIX}/share/java/classes")
                        .replace("${PREFIX}/", ""), words[0].startsWith("${SUBST_") ? words[0] : null});
            }
        }
        return out;
    }
}
