package org.portkit.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.lock.Lock;
import org.portkit.lock.SourceDistfile;
import org.portkit.maven.MavenArgs;
import org.portkit.workspace.Tree;

/** A command-line application's port: launcher, jar, manual pages, no daemon; linted like every port. */
class AppPortTest {
    static final String SPEC = """
            kind = app
            category = devel
            name = tool
            comment = "an example command-line tool"
            version = "1.2"
            homepage = "https://example.org/tool/"
            maintainer = "portkit maintainers <portkit@example.org>"
            license = "Apache-2.0"
            descr = "An example tool."
            source { site = "https://example.org/distfiles/", file = "tool-1.2.tar.gz" }
            java = "17+"
            jar = "target/tool-app.jar"
            app {
              main-class = org.example.tool.Main
              man { dir = target/man, pages = [tool.1, tool-run.1, tool.conf.5] }
            }
            """;
    private static final Path DIR = Path.of("specs/devel/tool");
    private static final String HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static GeneratedPort generate(String spec, Lock lock) {
        return Tree.spec(DIR, spec).generate(lock);
    }

    /** The fixture lock, made with the spec's Maven arguments and pinning the source archive. */
    private static Lock lock() {
        Lock l = MavenDistfilesTest.lock();
        return new Lock(l.mavenVersion(), MavenArgs.DEFAULT, l.repositories(), l.prefixes(), l.metadata(), l.files())
                .withSources(List.of(new SourceDistfile("tool-1.2.tar.gz", HEX, 0)));
    }

    @Test
    void launcherJarAndManualPagesWithoutDaemon() {
        GeneratedPort port = generate(SPEC, lock());
        String makefile = port.files().get("Makefile");
        assertTrue(makefile.contains("V =\t\t1.2\n# The directory the source unpacks into (WRKDIST).\nDISTNAME =\ttool-1.2\nPKGNAME =\ttool-${V}\n"), makefile);
        assertTrue(makefile.contains("MODULES =\tjava devel/maven\nMODJAVA_VER =\t17+\n"), makefile);
        assertTrue(makefile.contains("RUN_DEPENDS =\tjava/javaPathHelper\n"), makefile);
        assertTrue(makefile.contains("PKG_ARCH =\t*\n"), makefile);
        assertTrue(makefile.contains("\t${INSTALL_DATA_DIR} ${MODJAVA_JAR_DIR} ${PREFIX}/man/man1 ${PREFIX}/man/man5\n"), makefile);
        assertTrue(makefile.contains("\t${INSTALL_MAN} ${WRKSRC}/${BUILT_MAN}/tool.conf.5 \\\n\t    ${PREFIX}/man/man5/tool.conf.5\n"),
                makefile);
        assertTrue(makefile.contains(".include \"maven.inc\"\n"), makefile);
        assertTrue(port.files().get("files/tool.sh").contains("javaPathHelper -c tool)\" \\\n"
                + "\t-cp ${TRUEPREFIX}/share/java/classes/tool.jar org.example.tool.Main \"$@\"\n"));
        assertEquals("""
                bin/tool
                @man man/man1/tool-run.1
                @man man/man1/tool.1
                @man man/man5/tool.conf.5
                share/java/
                share/java/classes/
                share/java/classes/tool.jar
                """, port.files().get("pkg/PLIST"));
        assertEquals(null, port.rcScript());
        assertFalse(port.files().keySet().stream().anyMatch(f -> f.endsWith(".rc") || f.equals("pkg/README")),
                "no rc.d script; nothing to say in a README: " + port.files().keySet());
        assertEquals(List.of(), port.unverified());
        assertEquals(List.of(), port.lint());
        assertEquals(port.files(), generate(SPEC, lock()).files(), "deterministic");
    }

    @Test
    void anUnpinnedSourceIsCountedForThePorterAndLeftOutOfDistinfo() {
        Lock l = lock();
        GeneratedPort port = generate(SPEC, l.withSources(List.of()));
        assertEquals(List.of("tool-1.2.tar.gz"), port.unverified());
        assertTrue(port.files().get("Makefile").contains("# Not verified yet: distinfo has no checksum for 1 distfile"),
                port.files().get("Makefile"));
        assertFalse(port.files().containsKey("pkg/README"), "a README is for the user, not the porter");
        assertFalse(port.files().get("distinfo").contains("tool-1.2.tar.gz"));
        assertEquals(List.of(), port.lint());
    }

    /** A source that declares no license gets none invented: the Makefile says so and PERMIT_PACKAGE is not Yes. */
    @Test
    void aSourceWithoutALicenseIsNotPermittedToBePackaged() {
        GeneratedPort port = generate(SPEC.replace("license = \"Apache-2.0\"", "license = none"), lock());
        String makefile = port.files().get("Makefile");
        assertTrue(makefile.contains("# No license: the source declares none (no LICENSE file, no <licenses> in its\n"), makefile);
        assertTrue(makefile.contains("PERMIT_PACKAGE =\tno license declared\n"), makefile);
        assertTrue(generate(SPEC, lock()).files().get("Makefile").contains("# Apache-2.0; the jar bundles"));
        assertEquals(List.of(), port.lint());
    }

    @Test
    void aManualPageThatIsNotInstalledIsALintFinding() {
        GeneratedPort port = generate(SPEC, lock());
        var files = new java.util.TreeMap<>(port.files());
        files.put("pkg/PLIST", files.get("pkg/PLIST").replace("@man man/man5/tool.conf.5\n", ""));
        assertTrue(Lint.check(files, null, port.unverified()).stream().anyMatch(f -> f.rule().equals("plist")
                && f.message().contains("man/man5/tool.conf.5")));
    }

    @Test
    void badApplicationSpecsNameWhatToFix() {
        for (String[] bad : new String[][] {
                {SPEC.replace("kind = app\n", ""), "daemon"},
                {SPEC.replace("man { dir", "mandir = x\n  man { dir"), "unknown key"},
                {SPEC + "daemon { user = _tool }\n", "unknown key"},
                {SPEC.replace("tool.conf.5", "tool.conf"), "NAME.SECTION"},
                {SPEC.replace("org.example.tool.Main", "Main"), "fully qualified"},
                {SPEC.replace("file = \"tool-1.2.tar.gz\"", "file = \"tool-1.2.jar\""), "top directory"},
            }) {
            PortkitException e = assertThrows(PortkitException.class, () -> generate(bad[0], lock()));
            assertEquals(Failure.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
