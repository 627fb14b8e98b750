package org.portkit.port;

import java.nio.file.Path;

/**
 * Where one spec lives, as the portkit tree lays it out (org.portkit.workspace names the files):
 * its directory (with the configuration samples), its port.conf and its lock.
 */
public record SpecPaths(Path dir, Path file, Path lock) {}
