package org.portkit.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.SortedMap;

/**
 * The arguments a port gives Maven, read the way Maven reads them where it matters for the closure:
 * goals and phases, {@code -P} profiles, {@code -D} properties, and the reactor options that choose
 * which modules build ({@code -f}, {@code -pl}, {@code -am}, {@code -amd}, {@code -rf}, {@code -N}).
 * Other options pass through untouched.
 *
 * @param file {@code -f}: the POM (or its directory) the build starts from, relative to the source; null for pom.xml
 * @param projects {@code -pl} selectors in order, each {@code [groupId]:artifactId} or a relative path,
 *     {@code !} or {@code -} in front to exclude, {@code ?} to tolerate a missing one
 * @param resumeFrom {@code -rf}: the selector of the module the build resumes from, or null
 */
public record MavenArgs(List<String> all, List<String> tasks, Set<String> activeProfiles,
        Set<String> inactiveProfiles, SortedMap<String, String> properties, String file, List<String> projects,
        boolean alsoMake, boolean alsoMakeDependents, String resumeFrom, boolean nonRecursive) {

    public static final List<String> DEFAULT = List.of("-DskipTests", "package");

    /** Options that take the next argument as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-T", "--threads", "-s", "--settings", "-gs",
            "--global-settings", "-t", "--toolchains", "-l", "--log-file", "-b", "--builder");

    public static MavenArgs parse(List<String> args) {
        List<String> tasks = new ArrayList<>();
        Set<String> active = new LinkedHashSet<>();
        Set<String> inactive = new LinkedHashSet<>();
        SortedMap<String, String> props = new TreeMap<>();
        List<String> projects = new ArrayList<>();
        String file = null;
        String resumeFrom = null;
        boolean alsoMake = false;
        boolean alsoMakeDependents = false;
        boolean nonRecursive = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (a) {
                case "-P", "--activate-profiles" -> { profiles(next, active, inactive); i++; }
                case "-D", "--define" -> { property(next, props); i++; }
                case "-pl", "--projects" -> { list(next, projects); i++; }
                case "-f", "--file" -> { file = next; i++; }
                case "-rf", "--resume-from" -> { resumeFrom = next; i++; }
                case "-am", "--also-make" -> alsoMake = true;
                case "-amd", "--also-make-dependents" -> alsoMakeDependents = true;
                case "-N", "--non-recursive" -> nonRecursive = true;
                default -> {
                    if (a.startsWith("-P")) {
                        profiles(a.substring(2), active, inactive);
                    } else if (a.startsWith("-D")) {
                        property(a.substring(2), props);
                    } else if (WITH_VALUE.contains(a)) {
                        i++;
                    } else if (!a.startsWith("-")) {
                        tasks.add(a);
                    }
                }
            }
        }
        return new MavenArgs(List.copyOf(args), List.copyOf(tasks), active, inactive, props, file,
                List.copyOf(projects), alsoMake, alsoMakeDependents, resumeFrom, nonRecursive);
    }

    private static void list(String value, List<String> into) {
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                into.add(s.trim());
            }
        }
    }

    private static void profiles(String list, Set<String> active, Set<String> inactive) {
        for (String p : list.split(",")) {
            p = p.trim();
            if (p.startsWith("!") || p.startsWith("-")) {
                inactive.add(p.substring(1));
            } else if (p.startsWith("+")) {
                active.add(p.substring(1));
            } else if (!p.isEmpty()) {
                active.add(p);
            }
        }
    }

    private static void property(String def, SortedMap<String, String> props) {
        int eq = def.indexOf('=');
        if (eq < 0) {
            props.put(def, "true");
        } else {
            props.put(def.substring(0, eq), def.substring(eq + 1));
        }
    }
}
