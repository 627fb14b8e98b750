package org.portkit.cli;

/** A failure the user can act on: its message says what went wrong and what to do. */
public class PortkitException extends RuntimeException {
    private final ExitStatus status;

    public PortkitException(ExitStatus status, String message) {
        super(message);
        this.status = status;
    }

    public PortkitException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ExitStatus status() {
        return status;
    }
}
