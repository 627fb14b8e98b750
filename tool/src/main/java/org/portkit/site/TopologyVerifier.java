package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portkit.site.SiteVerifier.Finding;

/**
 * Reads a rendered topology (render-config --topology: {@link TopologyRenderer#DESCRIPTION} and
 * one directory per host) and checks what must hold between the hosts: every address one host
 * dials is one another host listens on, both hosts' pf rules (and the router's) pass exactly
 * that flow, and nothing else faces the network; one domain; the bridges' server-ids unique and
 * each proxied by every nginx to its bridge; relays between the bridges; then each host's part
 * as on one host ({@link SiteVerifier#verifyHost}, passwords against the xmpp host's accounts
 * among them). Each host's files are read once, as the daemons read them: prosody's Lua, HOCON,
 * nginx's directives, pf. Nothing is checked per pair of bridges: the cost grows with the hosts.
 */
public final class TopologyVerifier {
    /** One pf rule's flow as seen from its host: in or out, the protocol, the port, the peer (null: any). */
    record Pass(String host, String way, String proto, String port, String peer) {}

    private static final Pattern IN_ANY = Pattern.compile("^pass in proto (tcp|udp) to port (\\{[^}]*\\}|\\S+)$");
    private static final Pattern IN_FROM = Pattern.compile("^pass in proto (tcp|udp) from (\\{[^}]*\\}|\\S+) to self port (\\S+)$");
    private static final Pattern OUT_TO = Pattern.compile("^pass out proto (tcp|udp) to (\\{[^}]*\\}|\\S+) port (\\S+)$");
    private static final Pattern RDR = Pattern.compile("^pass in on egress proto (tcp|udp) to port (\\{[^}]*\\}|\\S+) rdr-to"
            + " (\\{[^}]*\\}|\\S+)( round-robin)?$");
    private static final Pattern BETWEEN = Pattern.compile("^pass in proto (tcp|udp) from (\\{[^}]*\\}|\\S+) to (\\S+) port (\\S+)$");
    private static final Pattern OUT_FROM = Pattern.compile("^pass out proto (tcp|udp) from self port (\\S+)$");
    private static final Pattern TABLE = Pattern.compile("^table (<[^>]+>) const (\\{[^}]*\\}|\\S+)$");

    private final Path dir;
    private final Topology topology;
    private final List<Finding> findings = new ArrayList<>();
    /** Every pass a host's (or the router's) pf.conf has; each flow checked removes the ones it needs. */
    private final Set<Pass> unjustified = new LinkedHashSet<>();
    private final Set<Pass> passes = new LinkedHashSet<>();
    /** The pf tables each host defines, by host and name: a rule naming one passes its addresses. */
    private final Map<String, Set<String>> tables = new TreeMap<>();
    /** Each file read once: every check of a host asks again, and each host's one-host checks. */
    private final SiteFiles files = new SiteFiles();
    /** Each nginx's regex locations, indexed once. */
    private final Map<String, Locations> locations = new HashMap<>();
    private Set<String> relayDomains;

    private TopologyVerifier(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        Path description = this.dir.resolve(TopologyRenderer.DESCRIPTION);
        this.topology = Topology.read(description, SiteFiles.read(description));
    }

    /** Is {@code dir} a rendered topology (rather than one host's site)? */
    public static boolean isTopology(Path dir) {
        return Files.isRegularFile(dir.resolve(TopologyRenderer.DESCRIPTION));
    }

    /** Every broken cross-host invariant of the topology rendered under {@code dir}; empty when coherent. */
    public static List<Finding> verify(Path dir) {
        TopologyVerifier v = new TopologyVerifier(dir);
        v.readPf();
        v.flows();
        v.domain();
        v.bridges();
        v.relays();
        v.loopbackOnly();
        // and each host's part as on one host (passwords against prosody's accounts among them)
        v.topology.hosts().forEach(h -> v.findings.addAll(SiteVerifier.verifyHost(v.files, v.topology, v.dir, h)));
        v.unjustified.forEach(p -> v.fail("exposure", p.host() + "'s pf.conf passes " + p.way() + " " + p.proto() + " port "
                + p.port() + (p.peer() == null ? " from anywhere" : (p.way().equals("in") ? " from " : " to ") + p.peer())
                + ", a flow no host of the site needs: remove it"));
        return List.copyOf(v.findings);
    }

    private void fail(String check, String message) {
        findings.add(new Finding(check, message));
    }

    private void readPf() {
        List<String> hosts = new ArrayList<>(topology.hosts().stream().map(Topology.Host::name).toList());
        topology.router().ifPresent(r -> hosts.add(r.name()));
        for (String host : hosts) {
            for (String rule : SiteFiles.read(dir.resolve(host).resolve("etc/jitsi/pf.conf")).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                Matcher t = TABLE.matcher(rule);
                if (t.matches()) {
                    tables.put(host + " " + t.group(1), new LinkedHashSet<>(items(t.group(2))));
                    continue;
                }
                List<Pass> p = parse(host, rule);
                if (p.isEmpty()) {
                    fail("exposure", host + "'s pf.conf has a rule verify-config does not know: \"" + rule + "\"");
                }
                passes.addAll(p);
                unjustified.addAll(p);
            }
        }
    }

    private static List<Pass> parse(String host, String rule) {
        List<Pass> out = new ArrayList<>();
        Matcher m;
        if ((m = IN_ANY.matcher(rule)).matches()) {
            for (String port : items(m.group(2))) {
                out.add(new Pass(host, "in", m.group(1), port, null));
            }
        } else if ((m = IN_FROM.matcher(rule)).matches()) {
            for (String from : items(m.group(2))) {
                out.add(new Pass(host, "in", m.group(1), m.group(3), from));
            }
        } else if ((m = OUT_TO.matcher(rule)).matches()) {
            for (String to : items(m.group(2))) {
                out.add(new Pass(host, "out", m.group(1), m.group(3), to));
            }
        } else if ((m = RDR.matcher(rule)).matches()) {
            for (String port : items(m.group(2))) {
                for (String to : items(m.group(3))) {
                    out.add(new Pass(host, "rdr", m.group(1), port, to));
                }
            }
        } else if ((m = OUT_FROM.matcher(rule)).matches()) {
            out.add(new Pass(host, "out from self", m.group(1), m.group(2), null));
        } else if ((m = BETWEEN.matcher(rule)).matches()) {
            for (String from : items(m.group(2))) {
                out.add(new Pass(host, "forward", m.group(1), m.group(4), from + " to " + m.group(3)));
            }
        } else if (rule.matches("^pass in proto \\{ udp tcp \\} from .* to any port domain rdr-to \\S+$")) {
            out.add(new Pass(host, "dns", "udp", "domain", null));
        }
        return out;
    }

    private static List<String> items(String list) {
        return List.of(list.replaceAll("[{}]", " ").trim().split("\\s+"));
    }

    /**
     * A pass the flow needs: present (then it is justified) or a finding. What comes in from a
     * peer is passed by a rule that lets that port in from anywhere too (users' ports).
     */
    private void needs(Pass p, String why) {
        unjustified.remove(p);
        Pass fromAnywhere = new Pass(p.host(), p.way(), p.proto(), p.port(), null);
        if (!passes.contains(p) && !(p.way().equals("in") && passes.contains(fromAnywhere))) {
            fail("flows", why + ", but " + p.host() + "'s pf.conf does not pass " + p.way() + " " + p.proto() + " port " + p.port()
                    + (p.peer() == null ? "" : " " + (p.way().equals("in") ? "from " : p.way().equals("out") ? "to " : "") + p.peer()));
        }
    }

    /** Each connection a host's configuration makes, and the one facing users, against the listeners and pf. */
    private void flows() {
        Map<String, Topology.Host> byAddress = new TreeMap<>();
        topology.hosts().forEach(h -> byAddress.put(h.address(), h));
        Map<String, Set<String>> listens = listens();
        for (Topology.Host h : topology.hosts()) {
            for (String[] dial : dials(h)) {
                String what = h.name() + "'s " + dial[0] + " dials " + dial[1] + " " + dial[2] + ":" + dial[3];
                Topology.Host to = byAddress.get(dial[2]);
                if (to == null) {
                    fail("flows", what + ", which is no host of the topology");
                    continue;
                }
                String at = dial[1] + " " + dial[2] + ":" + dial[3];
                Set<String> there = listens.getOrDefault(to.name(), Set.of());
                if (!there.contains(at) && !there.contains("public " + at)) {
                    fail("flows", what + ", where " + to.name() + " does not listen (it listens on "
                            + listens.getOrDefault(to.name(), Set.of()) + ")");
                }
                needs(new Pass(h.name(), "out", dial[1], dial[3], dial[2]), what);
                needs(new Pass(to.name(), "in", dial[1], dial[3], h.address()), what);
                topology.router().ifPresent(r -> needs(new Pass(r.name(), "forward", dial[1], dial[3], h.address() + " to "
                        + dial[2]), what));
            }
        }
        for (Topology.Host h : topology.hosts()) {
            for (String l : listens.getOrDefault(h.name(), Set.of())) {
                String[] pl = l.split("[ :]");
                if (l.startsWith("public ")) {
                    String why = "users reach " + h.name() + " on " + pl[1] + " port " + pl[3];
                    needs(new Pass(h.name(), "in", pl[1], pl[3], null), why);
                    topology.router().ifPresent(r -> needs(new Pass(r.name(), "rdr", pl[1], pl[3], h.address()), why));
                }
            }
        }
        topology.router().filter(r -> r.resolver() != null).ifPresent(r -> unjustified.remove(new Pass(r.name(), "dns", "udp",
                "domain", null)));
    }

    /** What each host listens on, as "PROTO ADDRESS:PORT", and "public PROTO ADDRESS:PORT" for users' and media's. */
    private Map<String, Set<String>> listens() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Topology.Host h : topology.hosts()) {
            Set<String> l = out.computeIfAbsent(h.name(), k -> new LinkedHashSet<>());
            if (h.runs(Topology.Role.XMPP)) {
                ProsodyConfig p = prosody(h);
                for (String[] kind : new String[][] {{"c2s_interfaces", "c2s_ports"}, {"http_interfaces", "http_ports"}}) {
                    for (String a : p.list(null, kind[0])) {
                        p.list(null, kind[1]).forEach(port -> l.add("tcp " + address(h, a) + ":" + port));
                    }
                }
            }
            if (h.runs(Topology.Role.BRIDGE)) {
                Config jvb = jvb(h);
                l.add("tcp " + address(h, string(jvb, "videobridge.http-servers.public.host")) + ":"
                        + string(jvb, "videobridge.http-servers.public.port"));
                l.add("public udp " + h.address() + ":" + string(jvb, "videobridge.ice.udp.port"));
            }
            if (h.runs(Topology.Role.WEB)) {
                nginx(h).servers().forEach(s -> s.all("listen").forEach(d -> {
                    String a = d.arg(0).contains(":") ? d.arg(0).substring(0, d.arg(0).lastIndexOf(':')) : h.address();
                    l.add("public tcp " + address(h, a) + ":" + d.arg(0).replaceFirst(".*:", ""));
                }));
            }
        }
        return out;
    }

    /** A listening address as the network sees it: every interface is the host's address. */
    private static String address(Topology.Host h, String a) {
        return a == null || a.equals("*") || a.equals("0.0.0.0") || a.isEmpty() ? h.address() : a;
    }

    /** Each connection host {@code h} opens: {what, proto, address, port}. */
    private List<String[]> dials(Topology.Host h) {
        List<String[]> out = new ArrayList<>();
        if (h.runs(Topology.Role.FOCUS)) {
            Config j = hocon(h, "etc/jicofo/jicofo.conf");
            out.add(new String[] {"jicofo", "tcp", string(j, "jicofo.xmpp.client.hostname"), port(string(j, "jicofo.xmpp.client.port"), "5222")});
        }
        if (h.runs(Topology.Role.BRIDGE)) {
            Config jvb = jvb(h);
            String configs = "videobridge.apis.xmpp-client.configs";
            if (jvb.hasPath(configs)) {
                for (String c : jvb.getConfig(configs).root().keySet()) {
                    out.add(new String[] {"bridge", "tcp", string(jvb, configs + "." + c + ".hostname"),
                            port(string(jvb, configs + "." + c + ".port"), "5222")});
                }
            }
            if (relaying(h)) {
                // The others' relay websockets, where they say (usually all at one domain), as its hosts file places it.
                for (String at : relayDomains()) {
                    String name = at.replaceFirst(":\\d+$", "");
                    String address = hostsFile(h).get(name);
                    if (address == null) {
                        fail("flows", h.name() + "'s bridge opens the other bridges' relay websockets at " + at + ", which its"
                                + " etc/jitsi/hosts does not place at an nginx of the site (add \"" + topology.relayWeb().address()
                                + " " + name + "\")");
                    } else {
                        out.add(new String[] {"bridge (relay websockets)", "tcp", address, port(at.matches(".*:\\d+$")
                                ? at.replaceFirst(".*:", "") : null, "443")});
                    }
                }
            }
        }
        if (h.runs(Topology.Role.WEB)) {
            nginx(h).servers().forEach(s -> s.all("location").forEach(l -> l.first("proxy_pass").ifPresent(p -> {
                URI u = URI.create(p.arg(0).replace("$", "%24"));
                out.add(new String[] {"nginx (location " + String.join(" ", l.args()) + ")", "tcp", u.getHost(),
                        Integer.toString(u.getPort() < 0 ? 80 : u.getPort())});
            })));
        }
        return out;
    }

    private boolean relaying(Topology.Host bridge) {
        return "true".equals(string(jvb(bridge), "videobridge.relay.enabled"));
    }

    /** Where the relaying bridges have the others open their relay websockets: relay-domain, or domain. */
    private Set<String> relayDomains() {
        if (relayDomains == null) {
            relayDomains = new TreeSet<>();
            for (Topology.Host b : topology.bridges()) {
                String at = string(jvb(b), "videobridge.websockets.relay-domain");
                at = at != null ? at : string(jvb(b), "videobridge.websockets.domain");
                if (relaying(b) && at != null) {
                    relayDomains.add(at);
                }
            }
        }
        return relayDomains;
    }

    /** The names a host's etc/jitsi/hosts places, with their addresses. */
    private Map<String, String> hostsFile(Topology.Host h) {
        Map<String, String> out = new TreeMap<>();
        for (String line : SiteFiles.read(dir.resolve(h.name()).resolve("etc/jitsi/hosts")).lines().toList()) {
            String[] f = line.replaceFirst("#.*", "").trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                out.putIfAbsent(f[i], f[0]);
            }
        }
        return out;
    }

    /**
     * Relays between the bridges: jicofo's octo and every bridge's relay agree (upstream: they
     * must, or the bridges cannot make the relays jicofo asks for), each relay-id is its own, and
     * each relaying bridge sends from its media port and is reached there by the others, through
     * the router by its table of the bridges. One check per bridge, however many there are.
     */
    private void relays() {
        Topology.Host focus = topology.hosts().stream().filter(h -> h.runs(Topology.Role.FOCUS)).findFirst().orElseThrow();
        boolean octo = "true".equals(string(hocon(focus, "etc/jicofo/jicofo.conf"), "jicofo.octo.enabled"));
        Map<String, String> ids = new TreeMap<>();
        Set<String> relaying = new LinkedHashSet<>();
        for (Topology.Host b : topology.bridges()) {
            boolean on = relaying(b);
            if (on != octo) {
                fail("relays", b.name() + "'s videobridge.relay.enabled is " + on + " but jicofo's octo.enabled is " + octo
                        + ": they must agree, or jicofo asks bridges for relays they cannot make");
            }
            if (!on) {
                continue;
            }
            relaying.add(b.address());
            String id = string(jvb(b), "videobridge.relay.relay-id");
            String other = id == null ? null : ids.put(id, b.name());
            if (id == null || other != null) {
                fail("relays", b.name() + "'s videobridge.relay.relay-id is " + (id == null ? "unset" : id + ", as "
                        + other + "'s") + ": each bridge relays under its own (its server-id)");
            }
            String media = string(jvb(b), "videobridge.ice.udp.port");
            needs(new Pass(b.name(), "out from self", "udp", media, null), b.name() + "'s bridge relays from its media port "
                    + media);
            topology.router().ifPresent(r -> needs(new Pass(r.name(), "forward", "udp", media, PfRules.BRIDGES + " to "
                    + b.address()), "the other bridges relay to " + b.name() + "'s media port " + media));
        }
        topology.router().filter(r -> !relaying.isEmpty()).ifPresent(r -> {
            Set<String> table = tables.getOrDefault(r.name() + " " + PfRules.BRIDGES, Set.of());
            if (!table.equals(relaying)) {
                fail("flows", r.name() + "'s pf table " + PfRules.BRIDGES + " is " + table + ", but the relaying bridges are "
                        + relaying + ": each relays to the others from its address");
            }
        });
    }

    /** What only its own host uses stays on loopback: jicofo's REST API, the bridges' private HTTP server. */
    private void loopbackOnly() {
        for (Topology.Host h : topology.hosts()) {
            String at = h.runs(Topology.Role.FOCUS) ? string(hocon(h, "etc/jicofo/jicofo.conf"), "jicofo.rest.host") : "127.0.0.1";
            String jvb = h.runs(Topology.Role.BRIDGE) ? string(jvb(h), "videobridge.http-servers.private.host") : "127.0.0.1";
            if (!"127.0.0.1".equals(at)) {
                fail("exposure", h.name() + "'s jicofo REST API listens on " + at + ": keep it on 127.0.0.1");
            }
            if (!"127.0.0.1".equals(jvb)) {
                fail("exposure", h.name() + "'s bridge private HTTP server listens on " + jvb + ": keep it on 127.0.0.1");
            }
        }
    }

    /** One domain: prosody's guests' VirtualHost, jicofo's, the bridges' websockets, nginx's server_name. */
    private void domain() {
        String d = topology.domain();
        for (Topology.Host h : topology.hosts()) {
            if (h.runs(Topology.Role.XMPP) && !prosody(h).sections().containsKey(d)) {
                fail("domain", h.name() + "'s prosody has no VirtualHost \"" + d + "\"");
            }
            if (h.runs(Topology.Role.FOCUS)) {
                same(h.name() + "'s jicofo xmpp-domain", string(hocon(h, "etc/jicofo/jicofo.conf"), "jicofo.xmpp.client.xmpp-domain"), d);
            }
            if (h.runs(Topology.Role.BRIDGE)) {
                String ws = string(jvb(h), "videobridge.websockets.domain");
                same(h.name() + "'s websockets.domain", ws == null ? null : ws.replaceFirst(":\\d+$", ""), d);
            }
            if (h.runs(Topology.Role.WEB)) {
                nginx(h).servers().forEach(s -> same(h.name() + "'s nginx server_name",
                        s.first("server_name").map(n -> n.arg(0)).orElse(null), d));
            }
        }
    }

    /** Each bridge's server-id is its own, and every nginx proxies /colibri-ws/ID/ to that bridge. */
    private void bridges() {
        Map<String, String> ids = new TreeMap<>();
        for (Topology.Host b : topology.bridges()) {
            Config jvb = jvb(b);
            String id = string(jvb, "videobridge.websockets.server-id");
            String other = ids.put(String.valueOf(id), b.name());
            if (other != null) {
                fail("colibri", b.name() + " and " + other + " have the same server-id " + id + ": nginx cannot tell their"
                        + " websockets apart");
            }
            String http = "http://" + address(b, string(jvb, "videobridge.http-servers.public.host")) + ":"
                    + string(jvb, "videobridge.http-servers.public.port");
            for (Topology.Host w : topology.webs()) {
                Locations locations = this.locations.computeIfAbsent(w.name(), k -> new Locations(nginx(w)));
                proxies(w, locations, b, "/colibri-ws/" + id + "/endpoint-1", http + "/colibri-ws/" + id + "/");
                if (relaying(b)) {
                    proxies(w, locations, b, "/colibri-relay-ws/" + id + "/conference-1/relay-1",
                            http + "/colibri-relay-ws/" + id + "/");
                }
            }
        }
    }

    /** nginx on {@code w} sends {@code uri} (the first regex location matching it, as nginx picks) to {@code target}. */
    private void proxies(Topology.Host w, Locations locations, Topology.Host b, String uri, String target) {
        boolean found = locations.find(uri).flatMap(l -> l.first("proxy_pass")).map(p -> p.arg(0).startsWith(target))
                .orElse(false);
        if (!found) {
            fail("colibri", w.name() + "'s nginx has no location sending " + uri + " to " + b.name() + " (" + target + ")");
        }
    }

    /**
     * nginx's regex locations, found for a URI as nginx finds them (the first in order that
     * matches), looked up by their literal start ({@code ^/colibri-ws/ID/}) so that a bridge's
     * location is found without trying every other bridge's.
     */
    private static final class Locations {
        private final List<NginxConfig.Directive> all = new ArrayList<>();
        private final List<Pattern> patterns = new ArrayList<>();
        private final Map<String, List<Integer>> byStart = new HashMap<>();
        /** Those whose matches may start anywhere: always tried. */
        private final List<Integer> anywhere = new ArrayList<>();

        Locations(NginxConfig nginx) {
            nginx.servers().stream().flatMap(s -> s.all("location")).filter(l -> l.args().size() == 2
                    && (l.arg(0).equals("~") || l.arg(0).equals("~*"))).forEach(l -> {
                        int i = all.size();
                        all.add(l);
                        patterns.add(Pattern.compile(l.arg(1), l.arg(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0));
                        String start = literalStart(l.arg(1));
                        if (start == null || l.arg(0).equals("~*")) {
                            anywhere.add(i);
                        } else {
                            byStart.computeIfAbsent(start, k -> new ArrayList<>()).add(i);
                        }
                    });
        }

        Optional<NginxConfig.Directive> find(String uri) {
            TreeSet<Integer> candidates = new TreeSet<>(anywhere);
            for (int n = 0; n <= uri.length(); n++) {
                candidates.addAll(byStart.getOrDefault(uri.substring(0, n), List.of()));
            }
            return candidates.stream().filter(i -> patterns.get(i).matcher(uri).find()).findFirst().map(all::get);
        }

        /** What every match of an anchored regex starts with, or null when it may start anywhere. */
        private static String literalStart(String regex) {
            if (!regex.startsWith("^") || regex.contains("|")) {
                return null;
            }
            int end = 1;
            while (end < regex.length() && ".[]()*+?{}\\$^".indexOf(regex.charAt(end)) < 0) {
                end++;
            }
            // a quantifier makes the character before it optional
            boolean quantified = end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0;
            return regex.substring(1, quantified ? Math.max(1, end - 1) : end);
        }
    }

    private void same(String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            fail("domain", what + " is " + actual + ", expected " + expected + ": one domain for the whole site");
        }
    }

    private static String port(String p, String otherwise) {
        return p == null ? otherwise : p;
    }

    private ProsodyConfig prosody(Topology.Host h) {
        return files.prosody(dir.resolve(h.name()));
    }

    private NginxConfig nginx(Topology.Host h) {
        return files.nginx(dir.resolve(h.name()));
    }

    private Config jvb(Topology.Host h) {
        return hocon(h, "etc/jvb/jvb.conf");
    }

    private Config hocon(Topology.Host h, String file) {
        return files.hocon(dir.resolve(h.name()).resolve(file));
    }

    private static String string(Config c, String path) {
        try {
            return c.hasPath(path) ? c.getString(path) : null;
        } catch (ConfigException e) {
            return null;
        }
    }
}
