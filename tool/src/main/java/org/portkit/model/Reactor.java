package org.portkit.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The project as Maven sees it for one set of arguments: the modules that take part in the build
 * (effective models) and every module POM in the source tree, by "groupId:artifactId:version",
 * which are built by the reactor and never downloaded.
 *
 * @param osProfiles the profiles of the reactor's POMs and their parents that {@code <os>} activates,
 *     by id: true where they are active on the target
 */
public record Reactor(List<Module> modules, Map<String, Path> poms, SortedMap<String, Boolean> osProfiles) {
    public boolean contains(String groupId, String artifactId, String version) {
        return poms.containsKey(groupId + ':' + artifactId + ':' + version);
    }

    /**
     * {@code -P} options that make a build on this host activate the {@code <os>} profiles the target
     * activates and no others (a build on OpenBSD activates them by itself); none if there are none.
     */
    public List<String> osProfileOptions() {
        List<String> ids = new ArrayList<>();
        osProfiles.forEach((id, active) -> ids.add(active ? id : "!" + id));
        return ids.isEmpty() ? List.of() : List.of("-P" + String.join(",", ids));
    }
}
