package org.portkit.port;

import java.util.List;
import java.util.SortedMap;

/**
 * What a generator made of a spec and its lock: the port's files by relative path, and what lint,
 * check and the maintainer need to know about them.
 *
 * @param path CATEGORY/NAME
 * @param rcScript the pkg/ rc.d script's name, or null for a port without a daemon
 * @param unverified distfiles without a checksum yet (absent from distinfo, named in pkg/README)
 */
public record GeneratedPort(String path, SortedMap<String, String> files, String rcScript, List<String> unverified) {

    public List<Lint.Finding> lint() {
        return Lint.check(files, rcScript, unverified);
    }
}
