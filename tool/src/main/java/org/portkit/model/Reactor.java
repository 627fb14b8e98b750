package org.portkit.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project as Maven sees it for one set of arguments: the modules that take part in the build
 * (effective models) and every module POM in the source tree, by "groupId:artifactId:version",
 * which are built by the reactor and never downloaded.
 */
public record Reactor(List<Module> modules, Map<String, Path> poms) {
    public boolean contains(String groupId, String artifactId, String version) {
        return poms.containsKey(groupId + ':' + artifactId + ':' + version);
    }
}
