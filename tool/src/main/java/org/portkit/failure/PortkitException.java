package org.portkit.failure;

/** A failure the user can act on: its message says what went wrong and what to do. */
public class PortkitException extends RuntimeException {
    private final Failure kind;

    public PortkitException(Failure kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PortkitException(Failure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Failure kind() {
        return kind;
    }
}
