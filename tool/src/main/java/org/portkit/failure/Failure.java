package org.portkit.failure;

/**
 * What kind of failure a stage met. Only the command line turns a kind into an exit status, so
 * stages know what went wrong without knowing how a shell is told.
 */
public enum Failure {
    /** Something portkit could not do for reasons the user cannot fix (a failed write, say). */
    INTERNAL,
    /** A request the stage cannot take as given (a release that needs a version, say). */
    USAGE,
    /** Unreadable source, invalid POM, SNAPSHOT dependency, malformed lock or spec. */
    BAD_INPUT,
    /** Artifacts or distfiles that could not be obtained from where they were looked for. */
    UNOBTAINABLE,
    /** Bytes that are not what was published or pinned. */
    CHECKSUM,
    /** A Maven build that portkit ran (recording or offline check) failed. */
    BUILD_FAILED,
    /** Generated ports differ from what their specs and locks give. */
    STALE,
    /** A generated port breaks a lint rule. */
    LINT,
    /** What a port installs differs from its packing list. */
    PLIST,
    /** A site's configuration files contradict each other. */
    INCOHERENT
}
