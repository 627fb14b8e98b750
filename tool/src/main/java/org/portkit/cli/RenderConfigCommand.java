package org.portkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.site.Site;
import org.portkit.site.SiteRenderer;
import org.portkit.site.Topology;
import org.portkit.site.TopologyRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render-config", mixinStandardHelpOptions = true,
        description = {"Renders a whole Jitsi Meet site for DOMAIN into DIR (etc/prosody, etc/nginx,",
                "etc/jicofo, etc/jvb, etc/jitsi, var/www/jitsi-meet/config.js, the daemons'",
                "directories, and prosody's accounts of focus and jvb and focus's roster under",
                "var/prosody), with fresh secrets from a CSPRNG (or --secrets FILE's), as jitsi-setup",
                "does on the host.",
                "No certificate. For tests and for verify-config."})
final class RenderConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DOMAIN")
    String domain;

    @Parameters(index = "1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--prefix", paramLabel = "PATH",
            description = "where the host's root is, in the files' paths (default: DIR itself, a set that runs in place; '' for /)")
    String prefix;

    @Option(names = "--nat", paramLabel = "LOCAL=PUBLIC",
            description = "the bridge is behind NAT: its host address and the public address it is reached at")
    String nat;

    @Option(names = "--stun", paramLabel = "HOST:PORT",
            description = "a STUN server the bridge learns its public address from (upstream uses"
                    + " meet-jit-si-turnrelay.jitsi.net:443)")
    String stun;

    @Option(names = "--turn", paramLabel = "HOST",
            description = "a TURN server (ports 3478 and 5349, with the site's TURN secret) prosody offers browsers")
    String turn;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "render the site of a topology description (README): one directory per host under DIR, the"
                    + " router's pf.conf and vm.conf; --nat is then each bridge's, in FILE")
    Path topology;

    @Option(names = "--host", paramLabel = "NAME",
            description = "with --topology: render only host NAME's files, with DIR as that host's root (what"
                    + " jitsi-setup --topology installs on it)")
    String host;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "the shared secrets, as jitsi-setup keeps them (FOCUS_PASSWORD=..., JVB_PASSWORD=...,"
                    + " TURN_SECRET=...): read when FILE exists, else made and written there (mode 0600), so that every"
                    + " host rendered with FILE gets the same; never printed")
    Path secretsFile;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(dir) && !isEmptyDir(dir)) {
            throw new PortkitException(Failure.BAD_INPUT, dir + " exists and is not empty: render into a new directory"
                    + " (render-config never overwrites files)");
        }
        Site.Nat addresses = null;
        if (nat != null) {
            String[] lr = nat.split("=", 2);
            if (lr.length != 2) {
                throw new PortkitException(Failure.USAGE, "--nat takes LOCAL=PUBLIC, e.g. 10.0.0.5=203.0.113.7");
            }
            addresses = new Site.Nat(lr[0], lr[1]);
        }
        String root = prefix != null ? prefix : dir.toAbsolutePath().normalize().toString();
        if (host != null && topology == null) {
            throw new PortkitException(Failure.USAGE, "--host names a host of a topology: give --topology FILE too");
        }
        if (topology != null) {
            if (nat != null) {
                throw new PortkitException(Failure.USAGE, "--nat is per bridge in a topology: give it as the bridge's nat in "
                        + topology);
            }
            String description = read(topology);
            Topology t = Topology.read(topology, description);
            if (!t.domain().equals(domain)) {
                throw new PortkitException(Failure.BAD_INPUT, topology + " describes " + t.domain() + ", not " + domain
                        + ": one domain for the whole site");
            }
            if (host != null) {
                t.host(host); // an unknown name is refused before a secrets file is made
            }
            Site.Secrets secrets = secrets();
            Site.Network network = new Site.Network(null, stun, turn); // NAT is each bridge's, in the description
            if (host != null) {
                Map<String, String> files = SiteRenderer.write(TopologyRenderer.site(t, host, network, Site.Ports.DEFAULT, root,
                        secrets), dir);
                System.out.println("rendered " + files.size() + " files for host " + host + " of " + domain + " into " + dir);
                return 0;
            }
            Map<String, String> files = TopologyRenderer.write(t, description, network, Site.Ports.DEFAULT,
                    h -> prefix != null ? prefix : root + "/" + h, secrets, dir);
            System.out.println("rendered " + files.size() + " files for " + t.hosts().size() + " hosts"
                    + t.router().map(r -> " and router " + r.name()).orElse("") + " of " + domain + " into " + dir);
            return 0;
        }
        Site site = new Site(domain, new Site.Network(addresses, stun, turn), Site.Ports.DEFAULT, root, secrets());
        Map<String, String> files = SiteRenderer.write(site, dir);
        System.out.println("rendered " + files.size() + " files for " + domain + " into " + dir + "; nginx needs a"
                + " certificate there (" + site.variables().get("CERTIFICATE") + " and its key): jitsi-setup makes a"
                + " self-signed one on the host");
        return 0;
    }

    /** The secrets file's, made there once when it does not exist yet; fresh ones without it. */
    private Site.Secrets secrets() {
        if (secretsFile == null) {
            return SiteRenderer.newSecrets();
        }
        if (Files.exists(secretsFile)) {
            return Site.Secrets.read(secretsFile);
        }
        Site.Secrets made = SiteRenderer.newSecrets();
        made.write(secretsFile);
        return made;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read the topology " + file + ": " + e.getMessage());
        }
    }

    private static boolean isEmptyDir(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }
}
