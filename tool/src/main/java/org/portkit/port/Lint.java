package org.portkit.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A portcheck-like linter for generated ports: the rules a ports reviewer applies by eye, run on
 * every generation so that a template change cannot slip a bad port through.
 */
public final class Lint {
    /** One broken rule: where, which rule, and what is wrong. */
    public record Finding(String file, int line, String rule, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": [" + rule + "] " + message;
        }
    }

    /** Makefile.template's order for the variables a generated port sets. */
    private static final List<String> ORDER = List.of("COMMENT", "V", "DISTNAME", "PKGNAME", "DIST_TUPLE", "CATEGORIES",
            "HOMEPAGE", "MAINTAINER", "PERMIT_PACKAGE", "WANTLIB", "SITES", "EXTRACT_ONLY", "EXTRACT_SUFX", "DIST_SUBDIR",
            "MODULES", "MODJAVA_VER", "BUILD_DEPENDS", "RUN_DEPENDS", "LIB_DEPENDS", "TEST_DEPENDS", "MAKE_FLAGS",
            "MAKE_ENV", "NO_BUILD", "NO_TEST");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)(\\s*)([+?:!]?=)(\\s*)(.*)$");
    private static final Pattern NETWORK = Pattern.compile("\\b(curl|wget|ftp|fetch|git)\\b|https?://");
    private static final Pattern NON_FREE = Pattern.compile("^#.*\\b(\\d+) non-free\\)", Pattern.MULTILINE);

    private Lint() {}

    /**
     * @param rcScript the name of the port's pkg/ rc.d script, or null when it has none
     * @param unverified distfiles knowingly without a checksum (they must be absent from distinfo)
     */
    public static List<Finding> check(SortedMap<String, String> port, String rcScript, List<String> unverified) {
        List<Finding> f = new ArrayList<>();
        port.forEach((file, text) -> whitespace(file, text, f));
        String makefile = port.getOrDefault("Makefile", "");
        makefile(makefile, f);
        license(makefile, f);
        width("pkg/DESCR", port.getOrDefault("pkg/DESCR", ""), false, f);
        width("pkg/README", port.getOrDefault("pkg/README", ""), true, f);
        plist(port.getOrDefault("pkg/PLIST", ""), installed(makefile), f);
        distinfo(port.getOrDefault("distinfo", ""), distfiles(makefile, port.getOrDefault("maven.inc", "")), unverified, f);
        if (rcScript != null) {
            rc(port.getOrDefault("pkg/" + rcScript + ".rc", ""), "pkg/" + rcScript + ".rc", f);
        }
        return f;
    }

    /** A bundled artifact whose POM declares a non-free license cannot go with PERMIT_PACKAGE = Yes. */
    private static void license(String makefile, List<Finding> f) {
        Matcher nonFree = NON_FREE.matcher(makefile);
        if (nonFree.find() && "Yes".equals(MakefileText.value(MakefileText.assignments(makefile), "PERMIT_PACKAGE"))) {
            f.add(new Finding("Makefile", 0, "license", nonFree.group(1) + " artifact(s) in the closure declare a non-free"
                    + " license (pkg/README lists them), yet PERMIT_PACKAGE = Yes"));
        }
    }

    private static void whitespace(String file, String text, List<Finding> f) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(lines.get(i).stripTrailing())) {
                f.add(new Finding(file, i + 1, "whitespace", "trailing whitespace"));
            }
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            f.add(new Finding(file, lines.size(), "whitespace", "no newline at end of file"));
        }
    }

    private static void makefile(String text, List<Finding> f) {
        List<String> lines = text.lines().toList();
        int last = -1;
        String lastName = null;
        String target = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 80 && breakable(line)) {
                f.add(new Finding("Makefile", i + 1, "width", "longer than 80 columns"));
            }
            if (!line.startsWith("\t") && line.matches("^[a-z-]+:.*")) {
                target = line.substring(0, line.indexOf(':'));
            } else if (!line.startsWith("\t") && !line.isEmpty()) {
                target = null;
            }
            if ("do-build".equals(target) && line.startsWith("\t")) {
                if (NETWORK.matcher(line).find()) {
                    f.add(new Finding("Makefile", i + 1, "network", "do-build may not reach the network: " + line.strip()));
                }
                if (line.contains("mvn ") && !line.contains("--offline") && !line.matches(".*\\s-o(\\s.*|$)")) {
                    f.add(new Finding("Makefile", i + 1, "network", "Maven runs without --offline"));
                }
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (line.startsWith("\t") || line.startsWith("#") || !m.matches()) {
                continue;
            }
            String var = m.group(1);
            if (!m.group(2).equals(" ") || !m.group(4).startsWith("\t")) {
                f.add(new Finding("Makefile", i + 1, "align", var + ": write 'VAR =<TAB>value'"));
            }
            int rank = ORDER.indexOf(var);
            if (rank >= 0) {
                if (rank < last) {
                    f.add(new Finding("Makefile", i + 1, "order", var + " comes before " + lastName + " in Makefile.template"));
                }
                last = rank;
                lastName = var;
            }
        }
    }

    /** A long line is only a fault when it could be broken: one URL or path, alone or assigned, cannot. */
    private static boolean breakable(String line) {
        String content = line.strip();
        return !content.matches("([A-Za-z_][A-Za-z0-9_.]*\\s*[+?:!]?=\\s*)?\\S+( \\\\)?");
    }

    /** @param unbreakable whether a long line that is one word (a path, a URL), indented or not, is accepted */
    private static void width(String file, String text, boolean unbreakable, List<Finding> f) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 80 && !(unbreakable && !line.strip().matches(".*\\s.*"))) {
                f.add(new Finding(file, i + 1, "width", "longer than 80 columns"));
            }
        }
    }

    /** Files do-install puts under ${PREFIX}, as PLIST paths. */
    static Set<String> installed(String makefile) {
        Set<String> out = new TreeSet<>();
        MakefileText.installs(makefile).forEach(i -> out.add(i[1]));
        return out;
    }

    private static void plist(String text, Set<String> installed, List<Finding> f) {
        List<String> lines = text.lines().toList();
        String previous = null;
        boolean modeActive = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("@mode") || line.startsWith("@owner") || line.startsWith("@group")) {
                modeActive = line.contains(" ");
            } else if (line.startsWith("@rcscript") && modeActive) {
                f.add(new Finding("pkg/PLIST", i + 1, "plist", "@rcscript while @mode/@owner/@group is still set"));
            } else if (!PlistText.path(line).startsWith("@")) {
                String path = PlistText.path(line);
                if (previous != null && previous.compareTo(path) > 0) {
                    f.add(new Finding("pkg/PLIST", i + 1, "plist", path + " is out of order after " + previous));
                }
                previous = path;
            }
        }
        String difference = PlistText.difference(PlistText.files(text), installed);
        if (difference != null) {
            f.add(new Finding("pkg/PLIST", 0, "plist", "differs from do-install: " + difference));
        }
    }

    /** Every distfile the Makefile and maven.inc name: DISTFILES and DISTFILES.x entries, DIST_TUPLE archives. */
    private static Set<String> distfiles(String makefile, String mavenInc) {
        Set<String> out = new TreeSet<>();
        Map<String, List<String>> vars = MakefileText.assignments(makefile);
        for (Map<String, List<String>> assignments : List.of(vars, MakefileText.assignments(mavenInc))) {
            assignments.forEach((var, values) -> {
                if (var.equals("DISTFILES") || var.startsWith("DISTFILES.")) {
                    for (String d : String.join(" ", values).trim().split("\\s+")) {
                        out.add(d.replaceAll("\\{.*\\}", ""));
                    }
                }
            });
        }
        String tuples = MakefileText.value(vars, "DIST_TUPLE");
        if (tuples != null) {
            String[] w = tuples.trim().split("\\s+");
            for (int i = 0; i + 4 < w.length; i += 5) {
                out.add(DistTuple.parse(String.join(" ", List.of(w).subList(i, i + 5))).distfile());
            }
        }
        out.remove("");
        return out;
    }

    private static void distinfo(String text, Set<String> distfiles, List<String> unverified, List<Finding> f) {
        Set<String> expected = new TreeSet<>(distfiles);
        expected.removeAll(unverified);
        List<String> sha = new ArrayList<>();
        List<String> size = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String file = line.substring(line.indexOf('(') + 1, Math.max(line.indexOf(')'), line.indexOf('(') + 1));
            if (line.startsWith("SHA256 (")) {
                if (!size.isEmpty()) {
                    f.add(new Finding("distinfo", i + 1, "distinfo", "SHA256 line after SIZE lines"));
                }
                sha.add(file);
            } else if (line.startsWith("SIZE (")) {
                size.add(file);
            } else {
                f.add(new Finding("distinfo", i + 1, "distinfo", "neither a SHA256 nor a SIZE line"));
            }
        }
        if (!sha.equals(new ArrayList<>(new TreeSet<>(sha))) || !sha.equals(size)) {
            f.add(new Finding("distinfo", 0, "distinfo", "SHA256 and SIZE lines must name the same files, each sorted"));
        }
        if (!new TreeSet<>(sha).equals(expected)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(sha);
            TreeSet<String> extra = new TreeSet<>(sha);
            extra.removeAll(expected);
            f.add(new Finding("distinfo", 0, "distinfo", "does not cover exactly the distfiles: missing "
                    + abbreviate(missing) + ", extra " + abbreviate(extra)));
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 3 ? list.toString() : list.subList(0, 3) + " and " + (list.size() - 3) + " more";
    }

    private static void rc(String text, String file, List<Finding> f) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        Map<String, Boolean> required = Map.of(
                "#!/bin/ksh", !lines.isEmpty() && lines.get(0).equals("#!/bin/ksh"),
                "daemon=", lines.stream().anyMatch(l -> l.startsWith("daemon=\"")),
                "daemon_user=", lines.stream().anyMatch(l -> l.startsWith("daemon_user=\"_")),
                ". /etc/rc.d/rc.subr", lines.contains(". /etc/rc.d/rc.subr"),
                "pexp=", lines.stream().anyMatch(l -> l.startsWith("pexp=") && l.contains("javaPathHelper")),
                "rc_bg=YES", lines.contains("rc_bg=YES"),
                "rc_cmd $1 last", !lines.isEmpty() && lines.get(lines.size() - 1).equals("rc_cmd $1"));
        new TreeSet<>(required.keySet()).forEach(k -> {
            if (!required.get(k)) {
                f.add(new Finding(file, 0, "rc", "rc.d script lacks " + k));
            }
        });
    }
}
