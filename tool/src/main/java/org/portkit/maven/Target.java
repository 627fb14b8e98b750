package org.portkit.maven;

import java.util.Map;
import java.util.TreeMap;

/**
 * The platform a port builds on, which is not the host portkit runs on: OpenBSD on amd64. Maven
 * activates {@code <os>} profiles from the system properties {@code os.name}, {@code os.arch} and
 * {@code os.version}, and os-maven-plugin derives {@code os.detected.*} (the classifiers of native
 * artifacts) from the same; both are evaluated for this target wherever portkit reads models.
 *
 * <p>The builds portkit runs on this host cannot be given {@code -Dos.name=OpenBSD}: Maven sets it
 * JVM-wide and hands it to forked JVMs, whose JDK then refuses to start processes ("OpenBSD is not a
 * supported OS platform"). They are given the target's {@code <os>} profiles explicitly instead.
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

    /** Whether an artifact's classifier names this target's OS, as platform-picking classifiers do. */
    public boolean picks(String classifier) {
        return classifier.contains(detectedName);
    }
}
