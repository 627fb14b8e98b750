package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * Where the roles of one Jitsi Meet site run: the talk's one VM per role behind a router, or
 * everything on one host ({@link #oneHost}), which is the same model with one host. The flows
 * between the hosts ({@link #flows}) are what each host's pf.conf lets through and what the
 * router forwards.
 *
 * @param publicAddress the address users and media reach from outside (the router's egress, or
 *     the web host's own when there is no router)
 * @param router the vmd(8) host the VMs run on, routing between them and the network, if any
 */
public record Topology(String domain, String publicAddress, List<Host> hosts, Optional<Router> router) {

    /** What runs on a host, and the daemon that does it (rcctl's name). */
    public enum Role {
        XMPP("prosody"), FOCUS("jicofo"), BRIDGE("jvb"), WEB("nginx");

        public final String daemon;

        Role(String daemon) {
            this.daemon = daemon;
        }
    }

    /**
     * A videobridge's identity and media: its server-id (its colibri websockets' path, its
     * nickname in the brewery, its relay id), its UDP media port, and its NAT mapping if any.
     */
    public record Bridge(String serverId, int mediaPort, Site.Nat nat) {}

    /** A host (or VM) and the roles it runs; {@code bridge} is set exactly when it runs one. */
    public record Host(String name, String address, Set<Role> roles, Bridge bridge) {
        public boolean runs(Role r) {
            return roles.contains(r);
        }
    }

    /**
     * The VM host: vmd(8) runs one VM per host on a switch, pf on it redirects the public ports
     * to them (rdr-to) and passes what the VMs say to each other.
     *
     * @param resolver the DNS resolver the VMs' queries are redirected to, or null
     */
    public record Router(String name, String address, String resolver, String memory) {}

    /** One connection a host opens to another (from null: the network outside). */
    public record Flow(Host from, Host to, String proto, int port, String what) {}

    public Topology {
        hosts = List.copyOf(hosts);
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Host h : hosts) {
            if (!names.add(h.name())) {
                throw new PortkitException(Failure.BAD_INPUT, "topology: host " + h.name() + " is described twice");
            }
            if (h.bridge() != null && !ids.add(h.bridge().serverId())) {
                throw new PortkitException(Failure.BAD_INPUT, "topology: two bridges have server-id " + h.bridge().serverId()
                        + ": nginx tells their websockets apart by it, give each its own");
            }
        }
        for (Role r : List.of(Role.XMPP, Role.FOCUS)) {
            if (hosts.stream().filter(h -> h.runs(r)).count() != 1) {
                throw new PortkitException(Failure.BAD_INPUT, "topology: exactly one host runs " + r.daemon
                        + " (roles = [" + r.name().toLowerCase(Locale.ROOT) + "])");
            }
        }
        for (Role r : List.of(Role.WEB, Role.BRIDGE)) {
            if (hosts.stream().noneMatch(h -> h.runs(r))) {
                throw new PortkitException(Failure.BAD_INPUT, "topology: no host runs " + r.daemon);
            }
        }
        if (router.isPresent()) {
            Set<Integer> ports = new HashSet<>();
            for (Host b : hosts.stream().filter(h -> h.runs(Role.BRIDGE)).toList()) {
                if (!ports.add(b.bridge().mediaPort())) {
                    throw new PortkitException(Failure.BAD_INPUT, "topology: bridges behind the router share the public"
                            + " address, so each needs its own media-port; " + b.bridge().mediaPort() + " is taken twice");
                }
            }
        }
    }

    /** Everything on one host, on loopback: the default site. */
    public static Topology oneHost(String domain, Site.Nat nat, int mediaPort) {
        return new Topology(domain, null, List.of(new Host("localhost", "127.0.0.1", EnumSet.allOf(Role.class),
                new Bridge("jvb-localhost", mediaPort, nat))), Optional.empty());
    }

    /** Several hosts talk over the network; one host keeps every service on loopback. */
    public boolean loopback() {
        return hosts.size() == 1;
    }

    public Host host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow(() -> new PortkitException(
                Failure.USAGE, "topology has no host " + name + " (it has " + hosts.stream().map(Host::name).toList() + ")"));
    }

    public Host xmpp() {
        return hosts.stream().filter(h -> h.runs(Role.XMPP)).findFirst().orElseThrow();
    }

    public List<Host> bridges() {
        return hosts.stream().filter(h -> h.runs(Role.BRIDGE)).toList();
    }

    public List<Host> webs() {
        return hosts.stream().filter(h -> h.runs(Role.WEB)).toList();
    }

    /** With several bridges, conferences spread over them and the bridges relay to each other. */
    public boolean relays() {
        return bridges().size() > 1;
    }

    /**
     * The nginx the bridges open each other's relay websockets through: they dial the domain, as
     * their certificate check needs, and their hosts file places it at this host (the first nginx).
     */
    public Host relayWeb() {
        return webs().get(0);
    }

    /**
     * Every connection of the site, as the talk's pf rules allow them: users to nginx, media to
     * each bridge, jicofo and each bridge to prosody's c2s, nginx to prosody's HTTP (BOSH,
     * websocket) and to each bridge's colibri websockets, and with relays each bridge to
     * {@link #relayWeb} for the others' relay websockets. Flows within one host stay on loopback
     * and are not listed. The relays' media, from each bridge's media port to the others', is
     * one pf rule per bridge ({@link PfRules}), not a flow per pair of bridges.
     */
    public List<Flow> flows(Site.Ports ports) {
        List<Flow> out = new ArrayList<>();
        for (Host w : webs()) {
            out.add(new Flow(null, w, "tcp", ports.http(), "web"));
            out.add(new Flow(null, w, "tcp", ports.https(), "web"));
        }
        for (Host b : bridges()) {
            out.add(new Flow(null, b, "udp", b.bridge().mediaPort(), "media"));
        }
        Host xmpp = xmpp();
        for (Host h : hosts) {
            if (h.runs(Role.FOCUS) || h.runs(Role.BRIDGE)) {
                out.add(new Flow(h, xmpp, "tcp", ports.c2s(), "xmpp"));
            }
        }
        for (Host w : webs()) {
            out.add(new Flow(w, xmpp, "tcp", ports.prosodyHttp(), "bosh"));
            for (Host b : bridges()) {
                out.add(new Flow(w, b, "tcp", ports.jvbWebsockets(), "colibri"));
            }
        }
        if (relays()) {
            for (Host b : bridges()) {
                out.add(new Flow(b, relayWeb(), "tcp", ports.https(), "relay-ws"));
            }
        }
        return out.stream().filter(f -> f.from() != f.to()).toList();
    }

    /** Reads a topology description (HOCON; README "Jitsi Meet on several hosts"). */
    public static Topology read(Path file, String text) {
        try {
            Config c = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(file.toString())).resolve();
            String domain = c.getString("domain");
            String publicAddress = c.getString("public-address");
            Optional<Router> router = c.hasPath("router") ? Optional.of(new Router(c.getString("router.name"),
                    c.getString("router.address"), c.hasPath("router.resolver") ? c.getString("router.resolver") : null,
                    c.hasPath("router.memory") ? c.getString("router.memory") : "2G")) : Optional.empty();
            List<Host> hosts = new ArrayList<>();
            Config hs = c.getConfig("hosts");
            for (String name : new TreeSet<>(hs.root().keySet())) {
                Config h = hs.getConfig(name);
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : h.getStringList("roles")) {
                    try {
                        roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new PortkitException(Failure.BAD_INPUT, file + ": host " + name + " has role " + r
                                + "; the roles are xmpp, focus, bridge and web");
                    }
                }
                String address = h.getString("address");
                Bridge bridge = null;
                if (roles.contains(Role.BRIDGE)) {
                    Config b = h.hasPath("bridge") ? h.getConfig("bridge") : ConfigFactory.empty();
                    Site.Nat nat = b.hasPath("nat") ? new Site.Nat(b.getString("nat.local"), b.getString("nat.public"))
                            // Behind the router every bridge is reached at the public address.
                            : router.isPresent() ? new Site.Nat(address, publicAddress) : null;
                    bridge = new Bridge(b.hasPath("server-id") ? b.getString("server-id") : name,
                            b.hasPath("media-port") ? b.getInt("media-port") : Site.Ports.DEFAULT.jvbUdp(), nat);
                    if (!bridge.serverId().matches("[A-Za-z0-9_-]+")) {
                        throw new PortkitException(Failure.BAD_INPUT, file + ": bridge " + name + "'s server-id "
                                + bridge.serverId() + " is not letters, digits, '-' and '_' (it is a path in nginx)");
                    }
                }
                hosts.add(new Host(name, address, roles, bridge));
            }
            return new Topology(domain, publicAddress, hosts, router);
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read the topology " + e.getMessage());
        }
    }
}
