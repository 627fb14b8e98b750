package org.portkit.io;

/**
 * How long portkit waits on a server before it gives up: every download (the resolver's and
 * distfiles) fails after this much silence instead of hanging, e.g. on a server that announced
 * more bytes than it sends on a kept-alive connection.
 */
public final class Network {
    /** To open a connection. */
    public static final int CONNECT_TIMEOUT_MS = 20_000;
    /** Without a single byte, by default; {@code -Dportkit.network.timeout=SECONDS} overrides it. */
    private static final int SILENCE_TIMEOUT_S = 60;

    private Network() {}

    public static int silenceTimeoutMillis() {
        String s = System.getProperty("portkit.network.timeout");
        try {
            return (s == null || s.isBlank() ? SILENCE_TIMEOUT_S : Integer.parseInt(s.trim())) * 1000;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("portkit.network.timeout must be a number of seconds, not '" + s + "'");
        }
    }
}
