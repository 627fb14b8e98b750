package org.portkit.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/** Runs a Maven distribution on a project, its output kept in a log file. */
public final class MavenRun {
    private MavenRun() {}

    /**
     * Runs {@code mvn -B} with the given options and build arguments in {@code project}; fails with
     * the tail of the log when Maven fails.
     */
    public static void run(MavenDistribution maven, Path javaHome, Path project, List<String> options,
            List<String> buildArgs, Path log, String what) {
        List<String> command = new ArrayList<>(List.of(maven.mvn().toString(), "-B"));
        command.addAll(options);
        command.addAll(buildArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        // The user's own Maven settings must not leak into a run that portkit controls.
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().remove("MAVEN_OPTS");
        int status;
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new PortkitException(Failure.INTERNAL, "cannot run " + maven.mvn() + ": " + e.getMessage(), e);
        }
        // Stopping portkit (Ctrl-C, kill), or the thread that waits for the build, stops the build.
        Thread stop = new Thread(() -> stop(process));
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new PortkitException(Failure.INTERNAL, "interrupted while Maven ran " + what);
        } finally {
            removeHook(stop);
        }
        if (status != 0) {
            throw new PortkitException(Failure.BUILD_FAILED, what + " failed (Maven exit status " + status
                    + "). Full log: " + log + "\nLast lines:\n" + tail(log, 40));
        }
    }

    /** Ends Maven and what it forked (test JVMs), and waits until it is gone. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get();
        } catch (Exception e) {
            // gone or going: nothing more to do
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs, as intended
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The version of the JDK at {@code javaHome}, from its {@code release} file. */
    public static String javaVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        throw new PortkitException(Failure.BAD_INPUT, javaHome + " is not a JDK (no JAVA_VERSION in its release file);"
                + " pass --java-home pointing at a JDK");
    }

    /** A settings.xml with no mirrors, servers or profiles: what a ports build has. */
    public static Path emptySettings(Path dir) throws IOException {
        return Files.writeString(dir.resolve("empty-settings.xml"), "<settings/>\n");
    }
}
