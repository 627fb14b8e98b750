package org.portkit.cli;

import java.nio.file.Path;

/** Which JDK commands run builds on when the user did not say: shared by resolve and build. */
final class Defaults {
    private Defaults() {}

    static Path javaHome(Path given) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        String env = System.getenv("JAVA_HOME");
        return Path.of(env != null && !env.isEmpty() ? env : System.getProperty("java.home"));
    }
}
