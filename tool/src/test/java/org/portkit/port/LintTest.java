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
        // One word, a URL, cannot be broken; indented, it has whitespace, which portcheck counts against it.
        assertEquals(List.of(), lint("pkg/README", r -> r + "<https://example.org/" + "x".repeat(80) + ">\n"));
        assertRule("width", lint("pkg/README", r -> r + "    <https://example.org/" + "x".repeat(80) + ">\n"));
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
        // The module's do-build is offline; a port's own do-build is held to the same.
        assertRule("network", lint("Makefile", m -> m.replace("do-install:\n",
                "do-build:\n\tcurl -O https://example.org/x.jar\n\ndo-install:\n")));
        assertRule("network", lint("Makefile", m -> m.replace("do-install:\n",
                "do-build:\n\tcd ${WRKSRC} && mvn -B package\n\ndo-install:\n")));
    }

    /** The name javaPathHelper is given is looked up among installed packages: the rc.d name finds none. */
    @Test
    void javaPathHelperNamesThePackageStem() {
        assertRule("javapathhelper", lint("files/jicofo.sh", l -> l.replace("javaPathHelper -c jicofo", "javaPathHelper -c jcf")));
    }

    @Test
    void launcherPassesItsArgumentsOn() {
        assertRule("launcher", lint("files/jicofo.sh", l -> l.replace("\nexec ", "\nset -- -Xmx1G\nexec ")));
        assertRule("launcher", lint("files/jicofo.sh", l -> l.replace(" \"$@\"\n", "\n")));
    }

    @Test
    void siteSourceNeedsDistname() {
        assertRule("wrkdist", lint("Makefile", m -> m.replaceFirst("DIST_TUPLE =\t[^\n]*\n", "")
                .replaceFirst("ROACH_URL =\t[^\n]*\n", "")
                .replace("PERMIT_PACKAGE =\tYes\n", "PERMIT_PACKAGE =\tYes\n\nSITES =\thttps://example.org/\nDISTFILES =\tjicofo-1.tar.gz\n")));
    }

    @Test
    void portroachWatchesTheUpstreamSource() {
        assertRule("portroach", lint("Makefile", m -> m.replaceFirst("ROACH_URL =\t[^\n]*\n", "")));
        assertRule("portroach", lint("Makefile", m -> m.replaceFirst("ROACH_URL =\t[^\n]*\n",
                "ROACH_URL =\torg/ow2/asm/asm/9.7/asm-9.7.jar\n")));
    }

    @Test
    void onlyFilesPortcheckAccepts() {
        assertRule("portcheck", Lint.check(with("notes.txt", "porter notes\n"), generated.rcScript(), generated.unverified()));
        assertRule("portcheck", lint("Makefile", m -> m.replace(".include \"maven.inc\"\n", "")));
    }

    SortedMap<String, String> with(String file, String text) {
        SortedMap<String, String> more = new TreeMap<>(port);
        more.put(file, text);
        return more;
    }

    @Test
    void builtByTheMavenModule() {
        assertRule("maven", lint("Makefile", m -> m.replace("MODULES =\tjava devel/maven\n", "MODULES =\tjava\n")));
    }

    @Test
    void modjavaVerIsOneTheJavaModuleKnows() {
        assertRule("java", lint("Makefile", m -> m.replace("MODJAVA_VER =\t17+", "MODJAVA_VER =\t22+")));
    }

    @Test
    void daemonHasALoginClassListedInPlist() {
        assertRule("login", lint("pkg/jicofo.login", l -> l.replace(":openfiles-cur=4096:\\\n", "")));
        assertRule("login", lint("pkg/PLIST", p -> p.replace("@sample ${SYSCONFDIR}/login.conf.d/jicofo\n", "")));
    }

    @Test
    void readmeIsForWhoeverInstalledThePackage() {
        assertRule("readme", lint("pkg/README", r -> r + "\nRegister _jicofo in infrastructure/db/user.list.\n"));
    }
}
