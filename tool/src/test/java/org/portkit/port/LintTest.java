package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.lock.LockFile;
import org.portkit.workspace.Tree;

/** Each rule against a generated port broken in exactly the way the rule is about. */
class LintTest {
    @TempDir
    Path tmp;

    GeneratedPort generated;
    SortedMap<String, String> port;

    @BeforeEach
    void generate() throws IOException {
        Files.writeString(tmp.resolve("port.conf"), PortGeneratorTest.SPEC);
        Files.writeString(tmp.resolve("jicofo.conf"), "jicofo {}\n");
        LockFile.write(MavenDistfilesTest.lock(), tmp.resolve("portkit.lock"));
        generated = Tree.spec(tmp).generate(LockFile.read(tmp.resolve("portkit.lock")));
        port = generated.files();
    }

    List<Lint.Finding> lint(String file, UnaryOperator<String> breakIt) {
        SortedMap<String, String> broken = new TreeMap<>(port);
        String before = broken.get(file);
        broken.put(file, breakIt.apply(before));
        assertTrue(!before.equals(broken.get(file)), "the test did not change " + file);
        return Lint.check(broken, generated.rcScript(), generated.unverified());
    }

    static void assertRule(String rule, List<Lint.Finding> findings) {
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals(rule)), rule + " not caught: " + findings);
    }

    @Test
    void generatedPortIsClean() {
        assertEquals(List.of(), generated.lint());
    }

    @Test
    void nonFreeLicenseWithPermitPackage() {
        assertRule("license", lint("Makefile", m -> m.replace("PERMIT_PACKAGE =\tYes",
                "# (from the POMs of the 3 jar artifacts in the build closure; 1 non-free)\nPERMIT_PACKAGE =\tYes")));
    }

    @Test
    void variableOrder() {
        assertRule("order", lint("Makefile", m -> m.replace("CATEGORIES =\tnet\n", "") + "CATEGORIES =\tnet\n"));
    }

    @Test
    void alignment() {
        assertRule("align", lint("Makefile", m -> m.replace("NO_TEST =\tYes", "NO_TEST= Yes")));
    }

    @Test
    void trailingWhitespace() {
        assertRule("whitespace", lint("pkg/README", r -> r.replace("First start\n", "First start \n")));
    }

    @Test
    void descrWidth() {
        assertRule("width", lint("pkg/DESCR", d -> d.replace("\n", " ") + "x".repeat(81) + "\n"));
    }

    @Test
    void readmeWidth() {
        assertRule("width", lint("pkg/README", r -> r + "a line of words that goes on and on, well past the eightieth column of the file, to fail\n"));
        // One word, a URL, cannot be broken, indented or not.
        assertEquals(List.of(), lint("pkg/README", r -> r + "    <https://example.org/" + "x".repeat(80) + ">\n"));
    }

    @Test
    void plistOrder() {
        assertRule("plist", lint("pkg/PLIST", p -> p.replace("bin/jicofo\n", "") + "bin/jicofo\n"));
    }

    @Test
    void plistMatchesInstall() {
        assertRule("plist", lint("Makefile", m -> m.replace("\t${SUBST_PROGRAM} ${FILESDIR}/jicofo.sh ${PREFIX}/bin/jicofo\n", "")));
    }

    @Test
    void rcscriptWithModeStillSet() {
        assertRule("plist", lint("pkg/PLIST", p -> "@mode 640\n" + p));
    }

    @Test
    void distinfoCoversTheDistfiles() {
        assertRule("distinfo", lint("distinfo", d -> d.lines().filter(l -> !l.contains("asm-9.7.jar"))
                .reduce("", (a, l) -> a + l + "\n")));
        assertRule("distinfo", lint("distinfo", d -> d + "SIZE (stray.tar.gz) = 1\n"));
    }

    @Test
    void rcShape() {
        assertRule("rc", lint("pkg/jicofo.rc", r -> r.replace("rc_bg=YES\n", "")));
    }

    @Test
    void noNetworkInBuild() {
        assertRule("network", lint("Makefile", m -> m.replace("do-build:\n", "do-build:\n\tcurl -O https://example.org/x.jar\n")));
        assertRule("network", lint("Makefile", m -> m.replace("--offline ", "")));
    }
}
