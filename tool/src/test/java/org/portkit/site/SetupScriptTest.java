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
        // portkit as devel/portkit installs it, here from the test's own classes.
        Files.writeString(tmp.resolve("portkit"), "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' org.portkit.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(tmp.resolve("portkit"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void writesWhatRenderConfigWritesAndRegistersBothAccounts() throws Exception {
        Run run = setup();
        assertEquals(0, run.status, run.output);
        Site.Secrets secrets = secrets();
        Site site = new Site(DOMAIN, Site.Network.DIRECT, Site.Ports.DEFAULT, root.toString(), secrets);
        Map<String, String> rendered = SiteRenderer.render(site);
        for (SiteFile f : SiteTemplates.FILES) {
            Path file = root.resolve(f.target());
            assertEquals(rendered.get(f.target()), Files.readString(file), f.target());
            assertEquals(permissions(f.mode()), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f.target());
        }
        for (SiteFile d : SiteTemplates.DIRECTORIES) {
            assertTrue(Files.isDirectory(root.resolve(d.target())), d.target());
        }
        assertTrue(Files.readString(root.resolve("etc/ssl/" + DOMAIN + ".fullchain.pem")).startsWith("-----BEGIN CERTIFICATE-----"),
                "a self-signed certificate, so that nginx starts");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root.resolve("etc/ssl/private/" + DOMAIN + ".key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/jitsi/setup/secrets"))));
        String config = root.resolve("etc/prosody/prosody.cfg.lua").toString();
        assertEquals(prosodyctlCalls(secrets), Files.readAllLines(tmp.resolve("prosodyctl.log")));
        assertFalse(run.output.contains(secrets.focusPassword()) || run.output.contains(secrets.jvbPassword()),
                "secrets never reach the output: " + run.output);

        Run again = setup();
        assertEquals(0, again.status, again.output);
        assertEquals(SiteTemplates.FILES.size(), again.output.lines().filter(l -> l.startsWith("unchanged: ")).count(),
                again.output);
        assertEquals(secrets, secrets(), "the secrets are made once");
        assertFalse(again.output.contains("self-signed"), "the certificate is made once: " + again.output);
    }

    /**
     * OpenBSD's /bin/sh is its ksh: the script runs the same under mksh, its portable sibling
     * (CI installs it), and copies the web app's interface_config.js from net/jitsi/meet's sample.
     */
    @Test
    void runsUnderKsh() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/mksh")) || Files.isExecutable(Path.of("/bin/mksh"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install mksh (.ci/run does, from Debian)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "SKIPPED: mksh is not installed (apt-get install mksh)");
        Path web = Files.createDirectories(root.resolve("var/www/jitsi-meet"));
        Files.writeString(web.resolve("interface_config.js.sample"), "var interfaceConfig = {};\n");
        Run run = runWith("mksh", DOMAIN, "--nat", "10.0.0.5=203.0.113.7");
        assertEquals(0, run.status, run.output);
        Map<String, String> rendered = SiteRenderer.render(new Site(DOMAIN, new Site.Network(new Site.Nat("10.0.0.5",
                "203.0.113.7"), null, null), Site.Ports.DEFAULT, root.toString(), secrets()));
        for (SiteFile f : SiteTemplates.FILES) {
            assertEquals(rendered.get(f.target()), Files.readString(root.resolve(f.target())), f.target());
        }
        assertEquals("var interfaceConfig = {};\n", Files.readString(web.resolve("interface_config.js")));
        Run again = runWith("mksh", DOMAIN, "--nat", "10.0.0.5=203.0.113.7");
        assertEquals(SiteTemplates.FILES.size(), again.output.lines().filter(l -> l.startsWith("unchanged: ")).count(),
                again.output);
    }

    /** Two registrations, then focus.DOMAIN into focus's roster, as upstream's jitsi-meet-prosody does. */
    private List<String> prosodyctlCalls(Site.Secrets secrets) {
        String config = root.resolve("etc/prosody/prosody.cfg.lua").toString();
        return List.of("--config " + config + " register focus auth." + DOMAIN + " " + secrets.focusPassword(),
                "--config " + config + " register jvb auth." + DOMAIN + " " + secrets.jvbPassword(),
                "--config " + config + " mod_roster_command subscribe focus." + DOMAIN + " focus@auth." + DOMAIN);
    }

    /** Passwords an administrator sets are taken literally everywhere: no sed, no shell, no second pass. */
    @Test
    void anAdministratorsPasswordsAreTakenLiterally() throws Exception {
        Site.Secrets secrets = new Site.Secrets("ab&cd|ef/g@DOMAIN@h%1;$x`y'z", "0123456789&&&&||||~1",
                "<turn>#secret=&{}[]*?");
        Files.createDirectories(root.resolve("etc/jitsi/setup"));
        Files.writeString(root.resolve("etc/jitsi/setup/secrets"), "FOCUS_PASSWORD=" + secrets.focusPassword()
                + "\nJVB_PASSWORD=" + secrets.jvbPassword() + "\nTURN_SECRET=" + secrets.turnSecret() + "\n");
        Run run = setup();
        assertEquals(0, run.status, run.output);
        Map<String, String> rendered = SiteRenderer.render(new Site(DOMAIN, Site.Network.DIRECT, Site.Ports.DEFAULT, root.toString(), secrets));
        for (SiteFile f : SiteTemplates.FILES) {
            assertEquals(rendered.get(f.target()), Files.readString(root.resolve(f.target())), f.target());
        }
        assertTrue(Files.readString(root.resolve("etc/jvb/jvb.conf")).contains("password=\"" + secrets.jvbPassword() + "\""));
        assertEquals(prosodyctlCalls(secrets), Files.readAllLines(tmp.resolve("prosodyctl.log")));
    }

    @Test
    void aSecretThatCannotBeWrittenIsRefusedNamingTheFileAndNothingIsLeft() throws Exception {
        Path secrets = root.resolve("etc/jitsi/setup/secrets");
        Files.createDirectories(secrets.getParent());
        Files.writeString(secrets, "FOCUS_PASSWORD=0123456789abcdef0123\nJVB_PASSWORD=quote\"d-0123456789abcdef\n");
        Run run = setup();
        assertEquals(3, run.status, run.output);
        assertTrue(run.output.contains(secrets + ": JVB_PASSWORD must be 16 or more printable ASCII characters without"
                + " spaces, '\"' or '\\'"), run.output);
        try (var left = Files.list(secrets.getParent())) {
            assertEquals(List.of(secrets), left.toList(), "no temporary file left");
        }
        assertFalse(Files.exists(root.resolve("etc/prosody")), "nothing written");
        assertFalse(Files.exists(tmp.resolve("prosodyctl.log")), "nothing registered");
    }

    @Test
    void aFailedRenderLeavesNoTemporaryFile() throws Exception {
        Path templates = tmp.resolve("share/jitsi-meta");
        Files.writeString(templates.resolve("hosts.in"), "127.0.0.1 @NO_SUCH_NAME@\n");
        Run run = setup();
        assertEquals(3, run.status, run.output);
        assertTrue(run.output.contains("hosts.in: no value for @NO_SUCH_NAME@"), run.output);
        try (var left = Files.list(root.resolve("etc/jitsi/setup"))) {
            assertEquals(List.of("secrets", "sums"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anEditedFileIsLeftAloneUnlessForced() throws Exception {
        assertEquals(0, setup().status);
        Path nginx = root.resolve("etc/nginx/jitsi-meet.conf");
        String ours = Files.readString(nginx);
        String edited = ours.replace("ssl_protocols TLSv1.2 TLSv1.3;", "ssl_protocols TLSv1.3;");
        Files.writeString(nginx, edited);

        Run kept = setup();
        assertEquals(1, kept.status, kept.output);
        assertTrue(kept.output.contains("EDITED, left as it is: " + nginx), kept.output);
        assertEquals(edited, Files.readString(nginx));

        Run forced = setup("--force");
        assertEquals(0, forced.status, forced.output);
        assertEquals(ours, Files.readString(nginx));
        assertEquals(edited, Files.readString(root.resolve("etc/nginx/jitsi-meet.conf.orig")));

        // A second edit, forced again: the first kept version stays, the second is kept beside it.
        String again = ours.replace("ssl_protocols TLSv1.2 TLSv1.3;", "ssl_protocols TLSv1.2;");
        Files.writeString(nginx, again);
        Run second = setup("--force");
        assertEquals(0, second.status, second.output);
        assertTrue(second.output.contains("your version kept as " + nginx + ".orig.1"), second.output);
        assertEquals(edited, Files.readString(root.resolve("etc/nginx/jitsi-meet.conf.orig")));
        assertEquals(again, Files.readString(root.resolve("etc/nginx/jitsi-meet.conf.orig.1")));
    }

    @Test
    void aFileAsItsPackageInstalledItIsReplacedWithoutForce() throws Exception {
        String sample = "# jicofo's own sample\n";
        Files.createDirectories(root.resolve("usr/local/share/jicofo"));
        Files.writeString(root.resolve("usr/local/share/jicofo/jicofo.conf.sample"), sample);
        Files.createDirectories(root.resolve("etc/jicofo"));
        Files.writeString(root.resolve("etc/jicofo/jicofo.conf"), sample);
        Files.createDirectories(root.resolve("etc/jvb"));
        Files.writeString(root.resolve("etc/jvb/jvb.conf"), "# an administrator's jvb.conf\n");

        Run run = setup();
        assertEquals(1, run.status, run.output);
        assertTrue(run.output.contains("wrote: " + root.resolve("etc/jicofo/jicofo.conf")), run.output);
        assertTrue(run.output.contains("EDITED, left as it is: " + root.resolve("etc/jvb/jvb.conf")), run.output);
        assertEquals("# an administrator's jvb.conf\n", Files.readString(root.resolve("etc/jvb/jvb.conf")));
    }

    /** nginx.conf stays the administrator's (OpenBSD's stock one here): one include in its http block. */
    @Test
    void nginxsOwnConfigurationGetsOneInclude() throws Exception {
        Path config = root.resolve("etc/nginx/nginx.conf");
        String own = "worker_processes  1;\nevents {\n    worker_connections  800;\n}\n\nhttp {\n    include       mime.types;\n"
                + "    server {\n        listen       80;\n        server_name  localhost;\n        root         /var/www/htdocs;\n"
                + "    }\n}\n";
        Files.createDirectories(config.getParent());
        Files.writeString(config, own);
        Run run = setup();
        assertEquals(0, run.status, run.output);
        String include = "    include " + root.resolve("etc/nginx/jitsi-meet.conf") + ";";
        assertTrue(run.output.contains("added to " + config + ": " + include), run.output);
        assertEquals(own.replace("http {\n", "http {\n" + include + "\n"), Files.readString(config));
        assertEquals(0, setup().status);
        assertEquals(own.replace("http {\n", "http {\n" + include + "\n"), Files.readString(config), "included once");

        Files.writeString(config, "events {}\n");
        Run none = setup();
        assertEquals(1, none.status, none.output);
        assertTrue(none.output.contains("NO http BLOCK, left as it is: " + config + " (add this line to its http block: "
                + include + ")"), none.output);
    }

    /** prosody.cfg.lua stays the administrator's: its hosts and settings are kept, jitsi-meet's included after them. */
    @Test
    void prosodysOwnConfigurationGetsOneInclude() throws Exception {
        Path config = root.resolve("etc/prosody/prosody.cfg.lua");
        String own = "admins = { \"admin@example.org\" }\nc2s_require_encryption = true\nVirtualHost \"example.org\"\n";
        Files.createDirectories(config.getParent());
        Files.writeString(config, own);
        Run run = setup();
        assertEquals(0, run.status, run.output);
        String include = "Include \"" + root.resolve("etc/prosody/jitsi-meet.cfg.lua") + "\"";
        assertTrue(run.output.contains("added to " + config + ": " + include), run.output);
        String with = Files.readString(config);
        assertTrue(with.startsWith(own) && with.endsWith(include + "\n"), with);
        Run again = setup();
        assertEquals(0, again.status, again.output);
        assertEquals(with, Files.readString(config), "included once");

        Files.createDirectories(root.resolve("usr/local/share/jitsi-prosody-plugins"));
        Site site = new Site(DOMAIN, Site.Network.DIRECT, Site.Ports.DEFAULT, root.toString(), secrets());
        assertEquals(List.of(), SiteVerifier.verify(withAccounts(site)), "its own host stays, jitsi-meet's settings win");
    }

    @Test
    void natStunAndTurnAreAddedOnALaterRun() throws Exception {
        assertEquals(0, setup().status);
        Run later = setup("--nat", "10.0.0.5=203.0.113.7", "--stun", "stun.example.org:3478", "--turn", "turn.example.org");
        assertEquals(0, later.status, later.output);
        Site site = new Site(DOMAIN, new Site.Network(new Site.Nat("10.0.0.5", "203.0.113.7"), "stun.example.org:3478",
                "turn.example.org"), Site.Ports.DEFAULT, root.toString(), secrets());
        Map<String, String> rendered = SiteRenderer.render(site);
        for (String f : List.of("etc/jvb/jvb.conf", "etc/prosody/jitsi-meet.cfg.lua")) {
            assertEquals(rendered.get(f), Files.readString(root.resolve(f)), f);
        }
        Files.createDirectories(root.resolve("usr/local/share/jitsi-prosody-plugins"));
        assertEquals(List.of(), SiteVerifier.verify(withAccounts(site)));
        assertEquals(2, setup("--stun", "no-port").status, "a bad option is a usage error");
    }

    /** A secrets file from an earlier release, without the TURN secret, gets one; the others stay. */
    @Test
    void aMissingSecretIsAddedAndTheOthersKept() throws Exception {
        Path file = root.resolve("etc/jitsi/setup/secrets");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "FOCUS_PASSWORD=0123456789abcdef0123\nJVB_PASSWORD=fedcba9876543210fedc");
        Run run = setup();
        assertEquals(0, run.status, run.output);
        Site.Secrets secrets = secrets();
        assertEquals("0123456789abcdef0123", secrets.focusPassword());
        assertEquals("fedcba9876543210fedc", secrets.jvbPassword());
        assertTrue(secrets.turnSecret().matches("[0-9a-f]{32}"), secrets.turnSecret());
    }

    @Test
    void aBadDomainIsRefusedBeforeAnythingIsWritten() throws Exception {
        Run bad = setup("--force");
        assertEquals(0, bad.status);
        Run upper = run("Meet.Example.org");
        assertEquals(3, upper.status, upper.output);
        assertTrue(upper.output.contains("not a domain name"), upper.output);
    }

    /**
     * Two hosts of the talk's layout set up by jitsi-setup --topology from one secrets file: the
     * first (prosody's) makes the secrets and registers the accounts, the bridge's gets the copy;
     * each has exactly the files render-config --topology --host renders for it, and the password
     * the bridge logs in with is the one prosody's account was registered with.
     */
    @Test
    void hostsOfATopologyGetRenderConfigsFilesFromOneSecretsFile() throws Exception {
        Path description = Files.writeString(tmp.resolve("talk.conf"), TopologyTest.TALK);
        Path xmpp = tmp.resolve("hosts/xmpp");
        Path vibri = tmp.resolve("hosts/vibri");
        Run first = runAt(xmpp, DOMAIN, "--topology", description.toString(), "--host", "xmpp");
        assertEquals(0, first.status, first.output);
        Path copy = tmp.resolve("secrets-copied");
        Files.copy(xmpp.resolve("etc/jitsi/setup/secrets"), copy);
        Run second = runAt(vibri, DOMAIN, "--topology", description.toString(), "--host", "vibri", "--secrets", copy.toString());
        assertEquals(0, second.status, second.output);
        Site.Secrets secrets = Site.Secrets.read(copy);
        for (String s : List.of(secrets.focusPassword(), secrets.jvbPassword(), secrets.turnSecret())) {
            assertFalse(first.output.contains(s) || second.output.contains(s), "secrets never reach the output");
        }
        assertEquals(secrets, Site.Secrets.read(vibri.resolve("etc/jitsi/setup/secrets")));

        for (Path host : List.of(xmpp, vibri)) {
            Path expected = tmp.resolve("expected/" + host.getFileName());
            assertEquals(0, org.portkit.cli.Main.run("render-config", DOMAIN, expected.toString(), "--topology",
                    description.toString(), "--host", host.getFileName().toString(), "--secrets", copy.toString(),
                    "--prefix", host.toString()));
            for (SiteFile f : SiteTemplates.FILES) {
                Path want = expected.resolve(f.target());
                if (Files.exists(want)) {
                    assertEquals(Files.readString(want), Files.readString(host.resolve(f.target())), host + ": " + f.target());
                } else {
                    assertFalse(Files.exists(host.resolve(f.target())), host + " has no " + f.target() + ": not its role");
                }
            }
        }
        assertFalse(Files.exists(vibri.resolve("etc/ssl")), "a certificate only where nginx runs");
        // prosodyctl ran on prosody's host only, with the passwords the bridge's host holds.
        String password = com.typesafe.config.ConfigFactory.parseString(Files.readString(vibri.resolve("etc/jvb/jvb.conf")))
                .getString("videobridge.apis.xmpp-client.configs.localhost.password");
        String config = xmpp.resolve("etc/prosody/prosody.cfg.lua").toString();
        assertEquals(List.of("--config " + config + " register focus auth." + DOMAIN + " " + secrets.focusPassword(),
                "--config " + config + " register jvb auth." + DOMAIN + " " + password,
                "--config " + config + " mod_roster_command subscribe focus." + DOMAIN + " focus@auth." + DOMAIN),
                Files.readAllLines(tmp.resolve("prosodyctl.log")));
    }

    /** A copied secrets file that disagrees with the host's own stops jitsi-setup: no password is rotated. */
    @Test
    void aSecretsFileThatDisagreesIsRefusedNamingIt() throws Exception {
        Path description = Files.writeString(tmp.resolve("talk.conf"), TopologyTest.TALK);
        Path vibri = tmp.resolve("hosts/vibri");
        Run first = runAt(vibri, DOMAIN, "--topology", description.toString(), "--host", "vibri");
        assertEquals(0, first.status, first.output);
        Path own = vibri.resolve("etc/jitsi/setup/secrets");
        String before = Files.readString(own);
        String jvb = Files.readString(vibri.resolve("etc/jvb/jvb.conf"));
        Path other = tmp.resolve("other-secrets");
        SiteRenderer.newSecrets().write(other);
        Run refused = runAt(vibri, DOMAIN, "--topology", description.toString(), "--host", "vibri", "--secrets", other.toString());
        assertEquals(3, refused.status, refused.output);
        assertTrue(refused.output.contains(other + ": FOCUS_PASSWORD differs from the one this host has in " + own),
                refused.output);
        assertEquals(before, Files.readString(own));
        assertEquals(jvb, Files.readString(vibri.resolve("etc/jvb/jvb.conf")));
        assertEquals(2, runAt(vibri, DOMAIN, "--host", "vibri").status, "--host without --topology is a usage error");
        Path none = tmp.resolve("not-made");
        assertEquals(2, org.portkit.cli.Main.run("render-config", DOMAIN, tmp.resolve("nowhere").toString(), "--topology",
                description.toString(), "--host", "nosuch", "--secrets", none.toString()));
        assertFalse(Files.exists(none), "an unknown host makes no secrets file");
    }

    private static String permissions(String octal) {
        StringBuilder out = new StringBuilder();
        for (char c : octal.substring(1).toCharArray()) {
            int d = c - '0';
            out.append((d & 4) != 0 ? 'r' : '-').append((d & 2) != 0 ? 'w' : '-').append((d & 1) != 0 ? 'x' : '-');
        }
        return out.toString();
    }

    /** The script stores accounts and roster through prosodyctl; the verifier needs them, so render them. */
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
        return new Site.Secrets(p.getProperty("FOCUS_PASSWORD"), p.getProperty("JVB_PASSWORD"), p.getProperty("TURN_SECRET"));
    }

    private record Run(int status, String output) {}

    private Run setup(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(DOMAIN));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    private Run run(String... args) throws Exception {
        return runWith("sh", args);
    }

    private Run runWith(String shell, String... args) throws Exception {
        return runWith(shell, root, args);
    }

    private Run runAt(Path host, String... args) throws Exception {
        return runWith("sh", host, args);
    }

    private Run runWith(String shell, Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(shell, script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JITSI_ROOT", root.toString());
        pb.environment().put("PORTKIT", tmp.resolve("portkit").toString());
        pb.environment().put("JITSI_TEMPLATES", tmp.resolve("share/jitsi-meta").toString());
        pb.environment().put("PROSODYCTL", tmp.resolve("prosodyctl").toString());
        pb.environment().put("JITSI_NO_CHGRP", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }
}
