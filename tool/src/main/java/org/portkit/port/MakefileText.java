package org.portkit.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the parts of a generated Makefile (or maven.inc) that the linter and the build need:
 * top-level assignments and the commands of a target, with continuation lines joined. Only the
 * forms portkit writes are understood; this is no make interpreter.
 */
public final class MakefileText {
    private MakefileText() {}

    /** Top-level {@code VAR = value} and {@code VAR += value} lines, values joined by a space per +=. */
    public static Map<String, List<String>> assignments(String text) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        for (String line : logicalLines(text)) {
            if (line.startsWith("\t") || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq <= 0 ? "" : line.substring(0, eq).trim();
            boolean append = name.endsWith("+");
            name = append ? name.substring(0, name.length() - 1).trim() : name;
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                continue;
            }
            String value = line.substring(eq + 1).trim();
            List<String> values = append ? vars.computeIfAbsent(name, k -> new ArrayList<>()) : new ArrayList<>();
            values.add(value);
            vars.put(name, values);
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

    /** Lines with backslash continuations joined. */
    private static List<String> logicalLines(String text) {
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

    /** do-install's copy commands as (source, destination) with the destination as a PLIST path. */
    public static List<String[]> installs(String makefile) {
        List<String[]> out = new ArrayList<>();
        for (String[] words : commands(makefile, "do-install")) {
            if (List.of("${INSTALL_DATA}", "${INSTALL_PROGRAM}", "${INSTALL_SCRIPT}", "${SUBST_PROGRAM}", "${SUBST_DATA}",
                    "${INSTALL_MAN}")
                    .contains(words[0]) && words.length == 3) {
                out.add(new String[] {words[1], words[2].replace("${MODJAVA_JAR_DIR}", "${PREFIX}/share/java/classes")
                        .replace("${PREFIX}/", "")});
            }
        }
        return out;
    }
}
