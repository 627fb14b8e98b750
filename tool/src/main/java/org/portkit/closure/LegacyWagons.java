package org.portkit.closure;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;

/**
 * Below a Maven 2 core artifact ({@code org.apache.maven:maven-*:2.*}) in a plugin's or extension's
 * tree, no {@code org.apache.maven.wagon:wagon-*} artifact is collected: Maven 3.9 adds this selector
 * (its {@code WagonExcluder}, in maven-core) to every plugin resolution, so that the wagon providers
 * an old maven-core declares do not join the plugin's class path. Their POMs are never read, so static
 * resolution does not fetch them either (measured on slf4j 2.0.17: wagon-webdav-jackrabbit
 * 1.0-beta-6 and its tree, 25 files, below maven-core 2.2.1).
 */
final class LegacyWagons implements DependencySelector {
    private final boolean belowLegacyCore;

    LegacyWagons() {
        this(false);
    }

    private LegacyWagons(boolean belowLegacyCore) {
        this.belowLegacyCore = belowLegacyCore;
    }

    @Override
    public boolean selectDependency(Dependency dependency) {
        return !belowLegacyCore || !isWagon(dependency.getArtifact());
    }

    @Override
    public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
        if (belowLegacyCore || context.getDependency() == null || !isLegacyCore(context.getDependency().getArtifact())) {
            return this;
        }
        return new LegacyWagons(true);
    }

    private static boolean isLegacyCore(Artifact a) {
        return a.getVersion() != null && a.getVersion().startsWith("2.") && a.getArtifactId().startsWith("maven-")
                && a.getGroupId().equals("org.apache.maven");
    }

    private static boolean isWagon(Artifact a) {
        return a.getGroupId().equals("org.apache.maven.wagon") && a.getArtifactId().startsWith("wagon-");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyWagons other && other.belowLegacyCore == belowLegacyCore;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(belowLegacyCore);
    }
}
