package org.portkit.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform a port builds on, which is not the host portkit runs on: OpenBSD on amd64. Maven
 * activates {@code <os>} profiles from the system properties {@code os.name}, {@code os.arch} and
 * {@code os.version}, and os-maven-plugin derives {@code os.detected.*} (the classifiers of native
 * artifacts) from the same; both are evaluated for this target wherever portkit reads models, and
 * the builds portkit runs (recording, offline check) are given these properties, so that the
 * closure is the target's and not the host's.
 *
 * <p>{@code os.version} is left empty: a port builds on whatever OpenBSD release the ports tree is,
 * so no {@code <os><version>} condition can be said to hold.
 */
public record Target(String osName, String osArch, String osVersion, String detectedName, String detectedArch,
        String bitness) {

    public static final Target OPENBSD_AMD64 = new Target("OpenBSD", "amd64", "", "openbsd", "x86_64", "64");

    /** What the lock's {@code target} line says: the {@code os.name} and {@code os.arch} a lock is valid for. */
    public String id() {
        return osName + ' ' + osArch;
    }

    /** The system properties Maven's profile activation reads. */
    public Map<String, String> systemProperties() {
        return Map.of("os.name", osName, "os.arch", osArch, "os.version", osVersion);
    }

    /** The properties os-maven-plugin would set on the target (its normalised names and classifier). */
    public Map<String, String> detected() {
        Map<String, String> d = new TreeMap<>();
        d.put("os.detected.name", detectedName);
        d.put("os.detected.arch", detectedArch);
        d.put("os.detected.bitness", bitness);
        d.put("os.detected.classifier", detectedName + '-' + detectedArch);
        return d;
    }

    /** {@code -D} options that make a Maven run on this host evaluate profiles and plugins for the target. */
    public List<String> mavenOptions() {
        List<String> options = new ArrayList<>();
        new TreeMap<>(systemProperties()).forEach((k, v) -> options.add("-D" + k + '=' + v));
        return options;
    }
}
