package org.portkit.license;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.portkit.text.Text;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.aether.artifact.Artifact;
import org.portkit.lock.License;
import org.portkit.lock.Lock;
import org.portkit.lock.Unverified;
import org.portkit.m2.Layout;

/**
 * What a lock's {@code license} lines add up to, for whoever decides PERMIT_PACKAGE: the licenses
 * the POMs declare, each with its artifacts, and the artifacts that need a look. Every artifact is
 * free, non-free or unknown: free when some alternative of its expression is on the allow list
 * ({@link Spdx#isFree}); non-free when none is, or when its unidentified words say so
 * ("Commercial", "Proprietary", ...); unknown otherwise. Pure: the same lock, the same text.
 *
 * <p>The artifacts are those the modules need at run time (compile and runtime scope) when the lock
 * records them, which is what a jar with dependencies bundles; else, for an older lock, the whole
 * build closure, plugins and build tools included, and the texts say so.
 *
 * @param artifacts how many jar artifacts have a license line
 * @param groups each identified license with the artifacts that may be used under it, most
 *     artifacts first; a dual-licensed artifact ("EPL-2.0 OR Apache-2.0") is in the group of each
 *     alternative, so the counts may add up to more than {@code artifacts}
 * @param unknown artifacts whose license is not identified, with the POM's words or why there are none
 * @param nonFree artifacts whose license is not free, with its expression or words
 * @param runtimeOnly whether these are the jars the modules need at run time (the lock's runtime
 *     lines), rather than the whole build closure of a lock made before those were recorded
 * @param unverifiedRuntime how many of those run-time artifacts a partial lock could not fetch: their
 *     POMs were not read, so what they depend on is missing from the run-time set
 */
public record LicenseSummary(int artifacts, List<Group> groups, SortedMap<String, String> unknown,
        SortedMap<String, String> nonFree, boolean runtimeOnly, int unverifiedRuntime) {

    /** One license (an SPDX id, or an id WITH an exception) and the {@code GROUP:ARTIFACT:VERSION}s that offer it, sorted. */
    public record Group(String license, List<String> artifacts) {
        public int count() {
            return artifacts.size();
        }
    }

    private static final int WIDTH = 80;

    /** Starts reading the SPDX list beside the caller's work, for the summaries it will ask for. */
    public static void prepare() {
        SpdxList.openAhead();
    }

    public static LicenseSummary of(Lock lock) {
        Map<String, List<String>> byLicense = new TreeMap<>();
        SortedMap<String, String> unknown = new TreeMap<>();
        SortedMap<String, String> nonFree = new TreeMap<>();
        // What the package can bundle, where the lock knows it; the build-only rest stays in the lock for reviewers.
        SortedMap<String, License> shipped = new TreeMap<>(lock.licenses());
        if (!lock.runtime().isEmpty()) {
            shipped.keySet().retainAll(lock.runtime());
        }
        shipped.forEach((gav, license) -> {
            if (license.isKnown()) {
                for (String alternative : license.spdx().split(" OR ")) {
                    byLicense.computeIfAbsent(alternative, l -> new ArrayList<>()).add(gav);
                }
                if (!Spdx.isFree(license.spdx())) {
                    nonFree.put(gav, license.spdx());
                }
            } else if (Spdx.soundsNonFree(license.unknown())) {
                nonFree.put(gav, license.unknown());
            } else {
                unknown.put(gav, license.unknown());
            }
        });
        List<Group> groups = byLicense.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue())))
                .sorted(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::license)).toList();
        Set<String> unverified = new TreeSet<>();
        for (Unverified u : lock.unverified()) {
            Artifact a = Layout.artifact(u.path());
            if (a != null && lock.runtime().contains(a.getGroupId() + ':' + a.getArtifactId() + ':' + a.getVersion())) {
                unverified.add(a.getGroupId() + ':' + a.getArtifactId() + ':' + a.getVersion());
            }
        }
        return new LicenseSummary(shipped.size(), groups, unknown, nonFree, !lock.runtime().isEmpty(), unverified.size());
    }

    /** Nothing for a reviewer to look at: every artifact's license is identified and free. */
    public boolean isClear() {
        return unknown.isEmpty() && nonFree.isEmpty();
    }

    /**
     * The comment above PERMIT_PACKAGE in the port's Makefile, OpenBSD style, wrapped to 80 columns:
     * <pre>
     * # Apache-2.0, MIT, BSD-3-Clause (from the POMs of the 212 jar artifacts in the
     * # build closure; 2 unknown, 1 non-free)
     * </pre>
     * Lines end with a newline. Empty for a lock without license lines (made before they were recorded).
     */
    public String comment() {
        if (artifacts == 0) {
            return "";
        }
        List<String> atoms = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            atoms.add(groups.get(i).license() + (i < groups.size() - 1 ? "," : ""));
        }
        List<String> flags = new ArrayList<>();
        if (!unknown.isEmpty()) {
            flags.add(unknown.size() + " unknown");
        }
        if (!nonFree.isEmpty()) {
            flags.add(nonFree.size() + " non-free");
        }
        String note = (groups.isEmpty() ? "no license identified " : "") + "(from the POMs of the " + artifacts + " jar "
                + (artifacts == 1 ? "artifact" : "artifacts") + (runtimeOnly ? " needed at run time" : " in the build closure")
                + (flags.isEmpty() ? "" : "; " + String.join(", ", flags))
                + (unverifiedRuntime == 0 ? "" : "; the run-time set is incomplete: what the " + unverifiedRuntime
                        + " unverified " + (unverifiedRuntime == 1 ? "artifact depends" : "artifacts depend") + " on is not known")
                + ")";
        atoms.addAll(List.of(note.split(" ")));
        return fill(atoms, "# ");
    }

    private static String fill(List<String> atoms, String prefix) {
        return Text.fill(atoms, prefix, WIDTH);
    }
}
