package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jitsi-setup, the shell script the package installs, run here with sh against a temporary root:
 * it writes byte for byte what render-config writes from the same secrets, registers both
 * accounts, can run again, and never overwrites a file an administrator edited.
 */
class SetupScriptTest {
    private static final String DOMAIN = "meet.example.org";

    @TempDir
    Path tmp;

    Path root;
    Path script;

    @BeforeEach
    void install() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Path templates = Files.createDirectories(tmp.resolve("share/jitsi-meta"));
        for (Map.Entry<String, String> f : SiteTemplates.shipped().entrySet()) {
            Files.writeString(templates.resolve(f.getKey()), f.getValue());
        }
        // What SUBST_PROGRAM does when the package is built.
        script = Files.writeString(tmp.resolve("jitsi-setup"), SiteTemplates.setupScript().replace("${TRUEPREFIX}", "/usr/local"));
        Files.writeString(tmp.resolve("prosodyctl"), "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/prosodyctl.log\"\n");
        Files.setPosixFilePermissions(tmp.resolve("prosodyctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void writesWhatRenderConfigWritesAndRegistersBothAccounts() throws Exception {
        Run run = setup();
        assertEquals(0, run.status, run.output);
        Site.Secrets secrets = secrets();
        Site site = new Site(DOMAIN, null, Site.Ports.DEFAULT, root.toString(), secrets);
        Map<String, String> rendered = SiteRenderer.render(site);
        for (SiteFile f : SiteTemplates.FILES) {
            Path file = root.resolve(f.target());
            assertEquals(rendered.get(f.target()), Files.readString(file), f.target());
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f.target());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/jitsi/setup/secrets"))));
        String config = root.resolve("etc/prosody/prosody.cfg.lua").toString();
        assertEquals(List.of("--config " + config + " register focus auth." + DOMAIN + " " + secrets.focusPassword(),
                "--config " + config + " register jvb auth." + DOMAIN + " " + secrets.jvbPassword()),
                Files.readAllLines(tmp.resolve("prosodyctl.log")));
        assertFalse(run.output.contains(secrets.focusPassword()) || run.output.contains(secrets.jvbPassword()),
                "secrets never reach the output: " + run.output);

        Run again = setup();
        assertEquals(0, again.status, again.output);
        assertEquals(SiteTemplates.FILES.size(), again.output.lines().filter(l -> l.startsWith("unchanged: ")).count(),
                again.output);
        assertEquals(secrets, secrets(), "the secrets are made once");
    }

    @Test
    void anEditedFileIsLeftAloneUnlessForced() throws Exception {
        assertEquals(0, setup().status);
        Path nginx = root.resolve("etc/nginx/nginx.conf");
        String ours = Files.readString(nginx);
        String edited = ours.replace("worker_processes 1;", "worker_processes 4;");
        Files.writeString(nginx, edited);

        Run kept = setup();
        assertEquals(1, kept.status, kept.output);
        assertTrue(kept.output.contains("EDITED, left as it is: " + nginx), kept.output);
        assertEquals(edited, Files.readString(nginx));

        Run forced = setup("--force");
        assertEquals(0, forced.status, forced.output);
        assertEquals(ours, Files.readString(nginx));
        assertEquals(edited, Files.readString(root.resolve("etc/nginx/nginx.conf.orig")));
    }

    @Test
    void aFileAsItsPackageInstalledItIsReplacedWithoutForce() throws Exception {
        String sample = "-- prosody's own sample\n";
        Path pristine = root.resolve("usr/local/share/examples/prosody/prosody.cfg.lua");
        Files.createDirectories(pristine.getParent());
        Files.writeString(pristine, sample);
        Files.createDirectories(root.resolve("etc/prosody"));
        Files.writeString(root.resolve("etc/prosody/prosody.cfg.lua"), sample);
        Files.createDirectories(root.resolve("etc/jicofo"));
        Files.writeString(root.resolve("etc/jicofo/jicofo.conf"), "# an administrator's jicofo.conf\n");

        Run run = setup();
        assertEquals(1, run.status, run.output);
        assertTrue(run.output.contains("wrote: " + root.resolve("etc/prosody/prosody.cfg.lua")), run.output);
        assertTrue(run.output.contains("EDITED, left as it is: " + root.resolve("etc/jicofo/jicofo.conf")), run.output);
        assertEquals("# an administrator's jicofo.conf\n", Files.readString(root.resolve("etc/jicofo/jicofo.conf")));
    }

    @Test
    void natIsAddedToTheBridgeOnALaterRun() throws Exception {
        assertEquals(0, setup().status);
        Run nat = setup("--nat", "10.0.0.5=203.0.113.7");
        assertEquals(0, nat.status, nat.output);
        Site site = new Site(DOMAIN, new Site.Nat("10.0.0.5", "203.0.113.7"), Site.Ports.DEFAULT, root.toString(), secrets());
        assertEquals(SiteRenderer.render(site).get("etc/jvb/jvb.conf"), Files.readString(root.resolve("etc/jvb/jvb.conf")));
        assertEquals(List.of(), SiteVerifier.verify(withAccounts(site)));
    }

    @Test
    void aBadDomainIsRefusedBeforeAnythingIsWritten() throws Exception {
        Run bad = setup("--force");
        assertEquals(0, bad.status);
        Run upper = run("Meet.Example.org");
        assertEquals(3, upper.status, upper.output);
        assertTrue(upper.output.contains("not a domain name"), upper.output);
    }

    /** The script registers accounts through prosodyctl; the verifier needs them, so render them. */
    private Path withAccounts(Site site) throws IOException {
        SiteRenderer.render(site).forEach((path, text) -> {
            if (path.startsWith("var/prosody/")) {
                try {
                    Files.createDirectories(root.resolve(path).getParent());
                    Files.writeString(root.resolve(path), text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        return root;
    }

    private Site.Secrets secrets() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(root.resolve("etc/jitsi/setup/secrets"))) {
            p.load(in);
        }
        return new Site.Secrets(p.getProperty("FOCUS_PASSWORD"), p.getProperty("JVB_PASSWORD"));
    }

    private record Run(int status, String output) {}

    private Run setup(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(DOMAIN));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JITSI_ROOT", root.toString());
        pb.environment().put("JITSI_TEMPLATES", tmp.resolve("share/jitsi-meta").toString());
        pb.environment().put("PROSODYCTL", tmp.resolve("prosodyctl").toString());
        pb.environment().put("JITSI_NO_CHGRP", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }
}
