package org.portkit.resolve;

import java.nio.file.Path;

/**
 * A file the resolver delivered from a remote repository (from the network or portkit's cache).
 *
 * @param repository the repository that served it
 * @param path repository-relative path in the Maven layout
 * @param file where the verified bytes are on disk
 */
public record Fetched(Repository repository, String path, Path file) {}
