package org.portkit.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.SortedMap;

/**
 * The arguments a port gives Maven, read the way Maven reads them where it matters for the closure:
 * goals and phases, {@code -P} profiles, {@code -D} properties. Other options pass through untouched.
 */
public record MavenArgs(List<String> all, List<String> tasks, Set<String> activeProfiles,
        Set<String> inactiveProfiles, SortedMap<String, String> properties) {

    public static final List<String> DEFAULT = List.of("-DskipTests", "package");

    /** Options that take the next argument as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-pl", "--projects", "-rf", "--resume-from", "-T",
            "--threads", "-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-t", "--toolchains",
            "-l", "--log-file", "-b", "--builder");

    public static MavenArgs parse(List<String> args) {
        List<String> tasks = new ArrayList<>();
        Set<String> active = new LinkedHashSet<>();
        Set<String> inactive = new LinkedHashSet<>();
        SortedMap<String, String> props = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-P") || a.equals("--activate-profiles")) {
                profiles(i + 1 < args.size() ? args.get(++i) : "", active, inactive);
            } else if (a.startsWith("-P")) {
                profiles(a.substring(2), active, inactive);
            } else if (a.equals("-D") || a.equals("--define")) {
                property(i + 1 < args.size() ? args.get(++i) : "", props);
            } else if (a.startsWith("-D")) {
                property(a.substring(2), props);
            } else if (WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                tasks.add(a);
            }
        }
        return new MavenArgs(List.copyOf(args), List.copyOf(tasks), active, inactive, props);
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
