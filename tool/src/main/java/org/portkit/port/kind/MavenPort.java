package org.portkit.port.kind;

/** A kind of port that Maven builds from a source archive: what update and lock share across such kinds. */
public interface MavenPort {
    MavenBuild build();
}
