package org.portkit.lock;

/**
 * A plugin's goal prefix (from its {@code META-INF/maven/plugin.xml}), so that an offline build can
 * turn {@code dependency:tree} into coordinates without the repository's group metadata.
 */
public record PluginPrefix(String groupId, String prefix, String artifactId) implements Comparable<PluginPrefix> {
    @Override
    public int compareTo(PluginPrefix o) {
        return (groupId + ':' + artifactId).compareTo(o.groupId + ':' + o.artifactId);
    }
}
