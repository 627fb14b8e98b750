package org.portkit.port.kind;

import java.util.List;
import org.portkit.license.LicenseSummary;
import org.portkit.lock.Lock;
import org.portkit.port.DistTuple;

/**
 * What the templates of every Maven-built port read of its build (header, source, Maven arguments,
 * licenses, what is unverified): one accessor per template variable, named as the templates name it.
 * A kind's model is a record implementing this and adding its own values.
 */
public interface BuildModel {
    MavenBuild build();

    Lock lock();

    LicenseSummary licenses();

    /** The distfiles without a checksum yet. */
    List<String> unverified();

    default String comment() {
        return build().header().comment();
    }

    default String version() {
        return build().header().version();
    }

    default boolean hasTuple() {
        return build().source() != null;
    }

    /** DIST_TUPLE, its id and directory on a continuation line where it would not fit in 80 columns. */
    default String distTupleFolded() {
        if (build().source() == null) {
            return null;
        }
        String[] tuple = build().source().split(" ");
        return BuildFiles.fold("DIST_TUPLE =\t", tuple[0] + " " + tuple[1] + " " + tuple[2], tuple[3] + " " + tuple[4]);
    }

    /** ROACH_URL: the upstream source portroach watches (else it takes the first Maven distfile). */
    default String roachUrlFolded() {
        return build().source() == null ? null : BuildFiles.alone("ROACH_URL =\t", DistTuple.parse(build().source()).path());
    }

    default String sourceSite() {
        return build().sourceSite() == null ? null : BuildFiles.alone("SITES =\t\t", build().sourceSite());
    }

    default String sourceFile() {
        return build().sourceFile() == null ? null : BuildFiles.alone("DISTFILES =\t", build().sourceFile());
    }

    /** DISTNAME of a site source, so that WRKDIST is the directory the archive unpacks into. */
    default String distname() {
        return build().sourceDir();
    }

    default List<String> runDepends() {
        return build().runDepends();
    }

    /** An older path of the package in the tree, and the README heading's underline for it. */
    record Replaced(String path, String rule) {}

    default List<Replaced> replaces() {
        return build().pkgpaths().stream().map(p -> new Replaced(p, "=".repeat("Updating from ".length() + p.length())))
                .toList();
    }

    /** Whether each artifact is a distfile of its own (maven.inc), rather than in a deps archive. */
    default boolean mavenInc() {
        return build().depsArchive() == null;
    }

    default String depsSite() {
        return build().depsSite();
    }

    default String depsArchive() {
        return build().depsArchive();
    }

    /** With a deps archive both are unpacked, the source on the first line when they need two. */
    default String extractOnlyFolded() {
        String deps = build().depsArchive();
        return deps == null ? BuildFiles.fold("EXTRACT_ONLY =\t", "", build().sourceDistfile())
                : BuildFiles.fold("EXTRACT_ONLY =\t", build().sourceDistfile(), deps);
    }

    /** The port's name (PKGNAME, share/doc). */
    default String port() {
        return build().header().name();
    }

    default String category() {
        return build().header().category();
    }

    default String homepage() {
        return build().header().homepage();
    }

    default String maintainer() {
        return build().header().maintainer();
    }

    default String licenseHead() {
        return BuildFiles.licenseHead(build().header(), "; the jar bundles its runtime dependencies:");
    }

    default String permitPackage() {
        return BuildFiles.permitPackage(build().header());
    }

    default String licenseComment() {
        return licenses().comment();
    }

    default String java() {
        return build().java();
    }

    default String javaRange() {
        return build().java().endsWith("+") ? "any JDK from version " + build().java().replace("+", "") + " on"
                : "JDK " + build().java() + " only";
    }

    default String jar() {
        return build().jar();
    }

    default String mavenArgs() {
        return String.join(" ", lock().mavenArgs());
    }

    default boolean hasUnverified() {
        return !unverified().isEmpty();
    }

    /**
     * The count of distfiles without a checksum, for the Makefile's porter comment: their names are in
     * the lock's unverified lines and in what 'portkit check' prints (paths too long for portcheck's
     * 80 columns would not fit a comment).
     */
    default String unverifiedNote() {
        return BuildFiles.unverifiedNote(unverified().size(), build().header().path(), true);
    }

    /** Where the deps archive goes once made, while it is unverified; else none. */
    default String depsNote() {
        String deps = build().depsArchive();
        return deps == null || !unverified().contains(deps) ? null : BuildFiles.commented("'portkit lock' makes " + deps
                + " from a complete closure; then publish it on " + build().depsSite() + ".");
    }

    default List<String> incomplete() {
        return lock().incomplete().stream().map(r -> BuildFiles.commented("Also: " + r + ".")).toList();
    }
}
