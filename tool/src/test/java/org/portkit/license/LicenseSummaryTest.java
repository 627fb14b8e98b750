package org.portkit.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portkit.lock.License;
import org.portkit.lock.Lock;
import org.portkit.lock.Unverified;

class LicenseSummaryTest {
    static Lock lock(Map<String, License> licenses) {
        return new Lock("3.9.16", List.of("package"), new TreeMap<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>())
                .withLicenses(licenses);
    }

    static final Map<String, License> MIXED = Map.of(
            "org.a:a:1", License.spdx("Apache-2.0"),
            "org.a:b:1", License.spdx("Apache-2.0"),
            "org.a:c:1", License.spdx("Apache-2.0"),
            "org.m:m:2", License.spdx("MIT"),
            "org.m:n:2", License.spdx("MIT"),
            "jakarta.x:api:2", License.spdx("EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
            "org.bouncycastle:bcprov:1.78", License.unknown("Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>"),
            "org.jitsi:jicoco:1.1", License.unknown("not fetched"),
            "com.vendor:sdk:3", License.unknown("Commercial"),
            "org.nc:art:1", License.spdx("CC-BY-NC-4.0"));

    @Test
    void countsPerLicenseAndFlagsUnknownAndNonFree() {
        LicenseSummary s = LicenseSummary.of(lock(MIXED));
        assertEquals(10, s.artifacts());
        assertEquals(List.of(
                new LicenseSummary.Group("Apache-2.0", List.of("org.a:a:1", "org.a:b:1", "org.a:c:1")),
                new LicenseSummary.Group("MIT", List.of("org.m:m:2", "org.m:n:2")),
                new LicenseSummary.Group("CC-BY-NC-4.0", List.of("org.nc:art:1")),
                new LicenseSummary.Group("EPL-2.0", List.of("jakarta.x:api:2")),
                new LicenseSummary.Group("GPL-2.0-only WITH Classpath-exception-2.0", List.of("jakarta.x:api:2"))),
                s.groups(), "a dual-licensed artifact is counted under each alternative");
        assertEquals(List.of("org.bouncycastle:bcprov:1.78", "org.jitsi:jicoco:1.1"), List.copyOf(s.unknown().keySet()));
        assertEquals(Map.of("com.vendor:sdk:3", "Commercial", "org.nc:art:1", "CC-BY-NC-4.0"), s.nonFree());
    }

    @Test
    void theMakefileCommentFitsEightyColumns() {
        String comment = LicenseSummary.of(lock(MIXED)).comment();
        assertEquals("""
                # Apache-2.0, MIT, CC-BY-NC-4.0, EPL-2.0,
                # GPL-2.0-only WITH Classpath-exception-2.0 (from the POMs of the 10 jar
                # artifacts in the build closure; 2 unknown, 2 non-free)
                """, comment);
        comment.lines().forEach(l -> assertTrue(l.length() <= 80, l));
        assertEquals("# Apache-2.0 (from the POMs of the 1 jar artifact in the build closure)\n",
                LicenseSummary.of(lock(Map.of("a:b:1", License.spdx("Apache-2.0")))).comment());
        assertEquals("", LicenseSummary.of(lock(Map.of())).comment(), "a lock made before licenses were recorded");
    }

    /**
     * With the lock's runtime lines, only what the package can bundle counts: a non-free or unknown
     * license of a build tool no longer decides PERMIT_PACKAGE, and the comment says what was counted.
     */
    @Test
    void onlyTheRuntimeDependenciesCountWhenTheLockRecordsThem() {
        LicenseSummary s = LicenseSummary.of(lock(MIXED).withRuntime(List.of("org.a:a:1", "org.m:m:2", "org.other:x:1")));
        assertEquals(2, s.artifacts());
        assertTrue(s.isClear(), "Commercial, CC-BY-NC and the unknown ones are build-only here");
        assertEquals("# Apache-2.0, MIT (from the POMs of the 2 jar artifacts needed at run time)\n", s.comment());
    }

    /** A partial lock's run-time set misses what its unfetched artifacts depend on, and the comment says so. */
    @Test
    void aPartialLockSaysItsRuntimeSetIsIncomplete() {
        TreeSet<Unverified> unverified = new TreeSet<>(List.of(
                new Unverified("jitsi", "org/jitsi/jicoco/1.1/jicoco-1.1.jar", "unreachable"),
                new Unverified("jitsi", "org/jitsi/jicoco/1.1/jicoco-1.1.pom", "unreachable"),
                new Unverified("jitsi", "org/jitsi/build-only/2/build-only-2.pom", "unreachable")));
        Lock partial = new Lock("3.9.16", List.of("package"), new TreeMap<>(), new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(), unverified, List.of("the dependencies of unverified POMs are not known yet"), new TreeSet<>())
                .withLicenses(MIXED).withRuntime(List.of("org.a:a:1", "org.jitsi:jicoco:1.1"));
        LicenseSummary s = LicenseSummary.of(partial);
        assertEquals(1, s.unverifiedRuntime(), "the build-only POM is not in the run-time set");
        assertEquals("""
                # Apache-2.0 (from the POMs of the 2 jar artifacts needed at run time; 1
                # unknown; the run-time set is incomplete: what the 1 unverified artifact
                # depends on is not known)
                """, s.comment());
        assertEquals(0, LicenseSummary.of(lock(MIXED).withRuntime(List.of("org.a:a:1"))).unverifiedRuntime());
    }
}
