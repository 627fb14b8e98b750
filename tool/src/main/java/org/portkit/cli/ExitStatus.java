package org.portkit.cli;

import org.portkit.failure.Failure;

/** Exit statuses of every portkit command, documented in {@code portkit --help}. */
public enum ExitStatus {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug in portkit: please report it)"),
    USAGE(2, "bad command line"),
    BAD_INPUT(3, "bad input: unreadable source, invalid POM, SNAPSHOT dependency, malformed lock"),
    UNOBTAINABLE(4, "artifacts could not be obtained from their repositories (report lists each)"),
    CHECKSUM(5, "a checksum did not match: the named file or URL is not what was published"),
    BUILD_FAILED(6, "the Maven build that portkit ran (recording or offline check) failed"),
    STALE(7, "generated ports differ from what their specs and locks give: run 'portkit generate'"),
    LINT(8, "a generated port breaks a port lint rule (each finding is listed)"),
    PLIST(9, "build: what the port installs differs from its pkg/PLIST"),
    INCOHERENT(10, "verify-config: the site's files contradict each other (each problem is listed)");

    public final int code;
    public final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The status a stage's failure of this kind ends the command with. */
    public static ExitStatus of(Failure kind) {
        return switch (kind) {
            case INTERNAL -> INTERNAL;
            case USAGE -> USAGE;
            case BAD_INPUT -> BAD_INPUT;
            case UNOBTAINABLE -> UNOBTAINABLE;
            case CHECKSUM -> CHECKSUM;
            case BUILD_FAILED -> BUILD_FAILED;
            case STALE -> STALE;
            case LINT -> LINT;
            case PLIST -> PLIST;
            case INCOHERENT -> INCOHERENT;
        };
    }
}
