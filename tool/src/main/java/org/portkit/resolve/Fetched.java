package org.portkit.resolve;

import java.nio.file.Path;

/**
 * A file the resolver delivered from a remote repository (from the network or portkit's cache),
 * hashed once when it was delivered and found to match the repository checksum recorded beside it.
 *
 * @param repository the repository that served it
 * @param path repository-relative path in the Maven layout
 * @param file where the verified bytes are on disk
 * @param sha256 the SHA-256 of those bytes, computed by portkit as they were verified
 * @param size their length
 */
public record Fetched(Repository repository, String path, Path file, String sha256, long size) {}
