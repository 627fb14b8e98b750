package org.portkit.cli;

import java.nio.file.Path;

/** Where commands look when the user did not say: shared by resolve and build. */
final class Defaults {
    private Defaults() {}

    static Path cache(Path given) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        String env = System.getenv("PORTKIT_CACHE");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "portkit");
    }

    static Path javaHome(Path given) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        String env = System.getenv("JAVA_HOME");
        return Path.of(env != null && !env.isEmpty() ? env : System.getProperty("java.home"));
    }
}
