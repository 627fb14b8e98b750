package org.portkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.io.AtomicFiles;

/**
 * One Jitsi Meet host, all on localhost: the only thing an administrator decides is the domain
 * (and how media reach the bridge and browsers on their networks). Everything else follows from
 * it and from where the files live. Its {@link #variables()} fill the site templates, in Java and
 * in jitsi-setup alike.
 *
 * @param prefix where the host's file system starts: empty on the host itself, a directory for
 *     a set rendered for tests (every path in the files is then under it)
 * @param topology where every role of the site runs ({@link Topology#oneHost} for all on this host)
 * @param host the name of this host in it: its files are those of the roles it runs
 */
public record Site(String domain, Network network, Ports ports, String prefix, Secrets secrets, Topology topology,
        String host) {

    /** The bridge's host address and the public address it is reached at. */
    public record Nat(String localAddress, String publicAddress) {}

    /**
     * How media cross the networks around the host (jitsi-setup's --nat, --stun and --turn).
     *
     * @param nat the bridge's private and public address behind NAT, or null
     * @param stun HOST:PORT of a STUN server the bridge learns its public address from, or null
     * @param turn the host of a TURN server (such as coturn, ports 3478 and 5349, sharing the
     *     site's TURN secret) prosody offers browsers that UDP does not reach, or null
     */
    public record Network(Nat nat, String stun, String turn) {
        public static final Network DIRECT = new Network(null, null, null);

        public Network {
            if (stun != null && !stun.matches("[A-Za-z0-9.:\\[\\]-]+:\\d+")) {
                throw new PortkitException(Failure.USAGE, "--stun takes HOST:PORT, e.g. meet-jit-si-turnrelay.jitsi.net:443");
            }
            if (turn != null && !turn.matches("[A-Za-z0-9.-]+")) {
                throw new PortkitException(Failure.USAGE, "--turn takes the TURN server's host name, e.g. turn.example.org");
            }
        }
    }

    /**
     * Where each service listens; the defaults are the usual ones, tests move them above 1024.
     *
     * @param listen the address nginx listens on, as nginx writes it before a port ("" for every
     *     interface, "127.0.0.1:" for loopback only)
     */
    public record Ports(String listen, int http, int https, int c2s, int prosodyHttp, int jvbUdp, int jvbWebsockets,
            int jvbPrivate, int jicofoRest) {
        public static final Ports DEFAULT = new Ports("", 80, 443, 5222, 5280, 10000, 9090, 8080, 8888);
    }

    /**
     * The shared secrets: the passwords of focus@auth.DOMAIN and jvb@auth.DOMAIN, and the secret
     * prosody derives TURN credentials from (the TURN server's static-auth-secret). jitsi-setup
     * makes them as hex, but an administrator may set others: any 16 or more printable ASCII
     * characters but space, '"' and '\\', the only ones that would need quoting in Lua, HOCON
     * and JavaScript strings ({@link #SECRET}; jitsi-setup checks the same rule).
     */
    public record Secrets(String focusPassword, String jvbPassword, String turnSecret) {
        public static final String SECRET = "[!#-\\[\\]-~]{16,}";

        public Secrets {
            for (String s : new String[] {focusPassword, jvbPassword, turnSecret}) {
                if (s == null || !s.matches(SECRET)) {
                    throw new PortkitException(Failure.BAD_INPUT, "a secret is 16 or more printable ASCII characters"
                            + " without spaces, '\"' or '\\\\'");
                }
            }
        }

        /**
         * Reads jitsi-setup's secrets file ({@code NAME=value} lines: FOCUS_PASSWORD, JVB_PASSWORD,
         * TURN_SECRET; other lines are ignored, as the script ignores them): the file the first host
         * of a topology makes and the administrator copies to the others.
         */
        public static Secrets read(Path file) {
            Map<String, String> v = new TreeMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        v.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new PortkitException(Failure.BAD_INPUT, "cannot read the secrets file " + file + ": " + e.getMessage());
            }
            for (String name : List.of("FOCUS_PASSWORD", "JVB_PASSWORD", "TURN_SECRET")) {
                if (v.get(name) == null || !v.get(name).matches(SECRET)) {
                    throw new PortkitException(Failure.BAD_INPUT, file + ": " + name + " must be 16 or more printable ASCII"
                            + " characters without spaces, '\"' or '\\\\' (copy the file jitsi-setup made on the"
                            + " first host, etc/jitsi/setup/secrets)");
                }
            }
            return new Secrets(v.get("FOCUS_PASSWORD"), v.get("JVB_PASSWORD"), v.get("TURN_SECRET"));
        }

        /** The secrets as jitsi-setup keeps them: one {@code NAME=value} line each. */
        public String text() {
            return "FOCUS_PASSWORD=" + focusPassword + "\nJVB_PASSWORD=" + jvbPassword + "\nTURN_SECRET=" + turnSecret + "\n";
        }

        /**
         * Writes them to {@code file}, owner-only (0600) from the start and renamed into place, so
         * that no other user ever reads them and no half-written file is left.
         */
        public void write(Path file) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(tmp, text());
                    AtomicFiles.move(tmp, file);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new PortkitException(Failure.BAD_INPUT, "cannot write the secrets file " + file + ": " + e.getMessage());
            }
        }
    }

    /** All on one host: the one-host topology, its bridge behind {@code network}'s NAT if any. */
    public Site(String domain, Network network, Ports ports, String prefix, Secrets secrets) {
        this(domain, network, ports, prefix, secrets, Topology.oneHost(domain, network.nat(), ports.jvbUdp()), "localhost");
    }

    public Site {
        if (!domain.matches("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]([a-z0-9-]*[a-z0-9])?")) {
            throw new PortkitException(Failure.BAD_INPUT, "'" + domain + "' is not a domain name: give the one DNS name"
                    + " users type, e.g. meet.example.org (lower case; the XMPP hosts auth., conference. and"
                    + " internal.auth. are derived from it)");
        }
    }

    /** The template variables, by name ({@code @NAME@} in the templates). */
    public Map<String, String> variables() {
        Map<String, String> v = new TreeMap<>();
        v.put("DOMAIN", domain);
        v.put("FOCUS_PASSWORD", secrets.focusPassword());
        v.put("JVB_PASSWORD", secrets.jvbPassword());
        v.put("TURN_SECRET", secrets.turnSecret());
        v.put("TURN_HOST", network.turn() == null ? "" : network.turn());
        v.put("LISTEN", ports.listen());
        v.put("HTTP_PORT", Integer.toString(ports.http()));
        v.put("HTTPS_PORT", Integer.toString(ports.https()));
        v.put("C2S_PORT", Integer.toString(ports.c2s()));
        v.put("PROSODY_HTTP_PORT", Integer.toString(ports.prosodyHttp()));
        v.put("JVB_UDP_PORT", Integer.toString(ports.jvbUdp()));
        v.put("JVB_WS_PORT", Integer.toString(ports.jvbWebsockets()));
        v.put("JVB_PRIVATE_PORT", Integer.toString(ports.jvbPrivate()));
        v.put("JICOFO_REST_PORT", Integer.toString(ports.jicofoRest()));
        placement(v);
        // OpenBSD's places: the web app where net/jitsi/meet installs it, inside nginx's chroot
        // (/var/www) with config.js beside it; the plugins where net/jitsi/prosody-plugins does.
        v.put("SYSCONFDIR", prefix + "/etc");
        v.put("WEBROOT", prefix + "/var/www/jitsi-meet");
        v.put("NGINX_LOGS", prefix + "/var/www/logs");
        v.put("ACME_DIR", prefix + "/var/www/acme");
        v.put("PROSODY_DATA", prefix + "/var/prosody");
        v.put("PROSODY_PLUGINS", prefix + "/usr/local/share/jitsi-prosody-plugins");
        v.put("RUNDIR", prefix + "/var/run");
        v.put("CERTIFICATE", prefix + "/etc/ssl/" + domain + ".fullchain.pem");
        v.put("KEY", prefix + "/etc/ssl/private/" + domain + ".key");
        if (network.nat() != null) {
            v.put("LOCAL_ADDRESS", network.nat().localAddress());
            v.put("PUBLIC_ADDRESS", network.nat().publicAddress());
        }
        if (network.stun() != null) {
            v.put("STUN_ADDRESS", network.stun());
        }
        return v;
    }

    /** This host's role in the file system. */
    public Topology.Host self() {
        return topology.host(host);
    }

    /**
     * Where this host finds the others: on one host every service stays on loopback, on several
     * each listens on its host's address and is dialled there.
     */
    private void placement(Map<String, String> v) {
        Topology.Host self = self();
        boolean lo = topology.loopback();
        String xmpp = topology.xmpp().address();
        // as HOCON writes it (an address needs quotes there)
        v.put("XMPP_HOST", lo ? "localhost" : "\"" + xmpp + "\"");
        v.put("XMPP_ADDRESS", lo ? "127.0.0.1" : xmpp);
        if (self.bridge() != null) {
            v.put("JVB_SERVER_ID", self.bridge().serverId());
            v.put("JVB_ADDRESS", lo ? "127.0.0.1" : self.address());
        }
        v.put("RC_DAEMONS", String.join(" ", java.util.Arrays.stream(Topology.Role.values()).filter(self::runs)
                .map(r -> r.daemon).toList()));
        v.put("RC_FLAGS", String.join("\n", java.util.stream.Stream.of(Topology.Role.FOCUS, Topology.Role.BRIDGE)
                .filter(self::runs).map(r -> "rcctl set " + r.daemon + " flags \"\"").toList()));
        v.put("PF_RULES", PfRules.host(topology, self, ports));
    }
}
