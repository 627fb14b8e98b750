package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.luaj.vm2.LuaValue;

/**
 * Reads a rendered site and checks what must hold across its files for Jitsi Meet to work: the
 * pitfalls of a hand-made set-up, each reported in an administrator's words. On a host of a
 * topology ({@link #verifyHost}) the same checks run on that host's part: each check of a role's
 * files where that role runs, the other roles' files read on their hosts; what only holds on one
 * host (everything on loopback, pf) is {@link TopologyVerifier}'s to check between the hosts.
 */
public final class SiteVerifier {
    /** One broken invariant: which ({@code check}) and what an administrator should know. */
    public record Finding(String check, String message) {
        @Override
        public String toString() {
            return check + ": " + message;
        }
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");
    private static final Pattern PF_PASS = Pattern.compile("^pass\\s+in\\b.*\\bproto\\s+(tcp|udp)\\b.*\\bport\\s+(\\{[^}]*\\}|\\S+)");
    private static final List<String> LEGACY_JICOFO_FLAGS = List.of("--host", "--domain", "--port", "--secret",
            "--user_domain", "--user_name", "--user_password", "--subdomain");

    private static final Set<String> ANONYMOUS = Set.of("anonymous", "jitsi-anonymous");
    /** Room names as users type them, and as nginx matches them (decoded). */
    private static final List<String> ROOMS = List.of("/my-room", "/team_sync", "/caf\u00e9");

    private final SiteFiles files;
    /** The roles whose files the checks are about: all of them on one host, a topology host's own. */
    private final Set<Topology.Role> roles;
    /** Everything on one host, on loopback; false on a host of a topology. */
    private final boolean alone;
    /** Before each finding: "" on one host, the host's name on a host of a topology. */
    private final String on;
    /** Where prosody's and nginx's files are (the roots their absolute paths are under). */
    private final Path prosodyRoot;
    private final Path webRoot;
    /** The address jicofo, the bridges and nginx reach prosody at. */
    private final String xmppAddress;
    private final ProsodyConfig prosody;
    private final Config jicofo;
    private final Config jvb;
    private final NginxConfig nginx;
    /** config.js's settings; null when it does not run (reported once, as web-app). */
    private final Config web;
    private final List<String> pf;
    private final List<String> rcctl;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param roots each role's host's root: the one directory of a one-host site
     * @param own the root of the host checked (its pf.conf, its rcctl.sh)
     */
    private SiteVerifier(SiteFiles files, Map<Topology.Role, Path> roots, Path own, Set<Topology.Role> roles, boolean alone,
            String on, String xmppAddress) {
        this.files = files;
        this.roles = roles;
        this.alone = alone;
        this.on = on;
        this.xmppAddress = xmppAddress;
        this.prosodyRoot = roots.get(Topology.Role.XMPP);
        this.webRoot = roots.get(Topology.Role.WEB);
        this.prosody = files.prosody(prosodyRoot);
        this.jicofo = files.hocon(roots.get(Topology.Role.FOCUS).resolve("etc/jicofo/jicofo.conf"));
        this.jvb = files.hocon(roots.get(Topology.Role.BRIDGE).resolve("etc/jvb/jvb.conf"));
        this.nginx = files.nginx(webRoot);
        SiteFiles.WebApp app = files.web(webRoot, httpsServer());
        this.web = app.config();
        if (app.broken() != null && runs(Topology.Role.WEB)) {
            fail("web-app", app.broken());
        }
        this.pf = SiteFiles.read(own.resolve("etc/jitsi/pf.conf")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        this.rcctl = SiteFiles.read(own.resolve("etc/jitsi/rcctl.sh")).lines().map(String::strip)
                .filter(l -> l.startsWith("rcctl ")).toList();
    }

    /** Every broken invariant of the site rendered under {@code dir}; empty when it is coherent. */
    public static List<Finding> verify(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Map<Topology.Role, Path> roots = new EnumMap<>(Topology.Role.class);
        for (Topology.Role r : Topology.Role.values()) {
            roots.put(r, root);
        }
        SiteVerifier v = new SiteVerifier(new SiteFiles(), roots, root, EnumSet.allOf(Topology.Role.class), true, "", null);
        return v.run(v.domain());
    }

    /**
     * The one-host checks that apply to host {@code h} of the topology rendered under {@code dir}:
     * each about a role {@code h} runs, with the other roles' files read on their hosts (the first
     * of several nginx or bridges, where a check compares with one). Each finding names {@code h}.
     */
    static List<Finding> verifyHost(SiteFiles files, Topology topology, Path dir, Topology.Host h) {
        Map<Topology.Role, Path> roots = new EnumMap<>(Topology.Role.class);
        for (Topology.Role r : Topology.Role.values()) {
            Topology.Host where = h.runs(r) ? h : topology.hosts().stream().filter(x -> x.runs(r)).findFirst().orElseThrow();
            roots.put(r, dir.resolve(where.name()));
        }
        SiteVerifier v = new SiteVerifier(files, roots, dir.resolve(h.name()), h.roles(), false, h.name() + ": ",
                topology.xmpp().address());
        if (h.runs(Topology.Role.XMPP)) {
            v.domain();
        }
        return v.run(topology.domain());
    }

    private List<Finding> run(String domain) {
        if (domain != null) {
            if (alone) {
                oneDomain(domain);
            }
            xmppHosts(domain);
            tls(domain);
            accounts(domain);
            brewery(domain);
            if (runs(Topology.Role.XMPP)) {
                turn(domain);
            }
            // A config.js that does not run was reported: what it would have said is unknown.
            if (web != null && runs(Topology.Role.WEB)) {
                webDomain(domain);
                focus(domain);
                webToXmpp(domain);
            }
            if (web != null && runs(Topology.Role.XMPP)) {
                rooms(domain);
            }
        }
        if (runs(Topology.Role.WEB)) {
            ssi();
            roomUrls();
        }
        sctp();
        if (runs(Topology.Role.BRIDGE)) {
            colibri();
        }
        present();
        exposure();
        rc();
        keys();
        return List.copyOf(findings);
    }

    private boolean runs(Topology.Role r) {
        return roles.contains(r);
    }

    private void fail(String check, String message) {
        findings.add(new Finding(check, on + message));
    }

    /** The one domain: prosody's anonymous VirtualHost, the one guests log in to. */
    private String domain() {
        List<String> anonymous = prosody.sections().values().stream()
                .filter(s -> !s.component() && ANONYMOUS.contains(String.valueOf(prosody.string(s.name(), "authentication"))))
                .map(ProsodyConfig.Section::name).toList();
        if (anonymous.size() != 1) {
            fail("domain", "prosody needs exactly one VirtualHost with authentication = \"anonymous\" or"
                    + " \"jitsi-anonymous\" (the domain guests join), it has " + anonymous);
            return null;
        }
        return anonymous.get(0);
    }

    private void oneDomain(String domain) {
        same("domain", "jicofo's xmpp.client.xmpp-domain", string(jicofo, "jicofo.xmpp.client.xmpp-domain"), domain);
        same("domain", "the host of the bridge's websockets.domain", host(string(jvb, "videobridge.websockets.domain")), domain);
        List<String> names = httpsServer().map(s -> s.all("server_name").flatMap(d -> d.args().stream()).toList())
                .orElse(List.of());
        if (!names.contains(domain)) {
            fail("domain", "nginx's TLS server answers to " + names + ", not to " + domain + ": users and XMPP must see"
                    + " one DNS name");
        }
    }

    /** The web app's side of the one domain (config.js). */
    private void webDomain(String domain) {
        same("domain", "the web app's hosts.domain (config.js)", webString("hosts.domain"), domain);
        same("domain", "the host of the web app's bosh URL", urlHost(webString("bosh")), domain);
        if (webString("websocket") != null) {
            same("domain", "the host of the web app's websocket URL", urlHost(webString("websocket")), domain);
        }
        String muc = webString("hosts.muc");
        same("domain", "the web app's hosts.muc", muc, "conference." + domain);
        if (muc != null && !isMuc(muc.toLowerCase(Locale.ROOT))) {
            fail("domain", "the web app's conference MUC " + muc + " is not a prosody Component \"" + muc + "\" \"muc\"");
        }
    }

    /** XMPP host vs VirtualHost vs domain: both daemons log in on localhost, into auth.DOMAIN. */
    private void xmppHosts(String domain) {
        String auth = "auth." + domain;
        if (runs(Topology.Role.XMPP) && (!"internal_hashed".equals(prosody.string(auth, "authentication")) || !isVirtualHost(auth))) {
            fail("xmpp-host", "prosody needs VirtualHost \"" + auth + "\" with authentication = \"internal_hashed\":"
                    + " jicofo and the bridge log in there");
        }
        List<String> c2s = prosody.list(null, "c2s_ports");
        String c2sPort = c2s.isEmpty() ? "5222" : c2s.get(0);
        for (Client c : clients()) {
            same("xmpp-host", c.what + "'s XMPP domain (the VirtualHost it logs in to)", c.domain, auth);
            // On several hosts, where each dials is checked against where the others listen (TopologyVerifier).
            if (alone && (c.hostname == null || !LOOPBACK.contains(c.hostname))) {
                fail("xmpp-host", c.what + " connects to XMPP host " + c.hostname + "; prosody listens on this host only:"
                        + " use localhost (the XMPP host is where to connect, not the domain)");
            }
            same("xmpp-host", c.what + "'s XMPP port", c.port == null ? "5222" : c.port, c2sPort);
        }
    }

    /** prosody's data directory, in the site verified. */
    private Path data() {
        return SiteFiles.within(prosodyRoot, Path.of(Objects.requireNonNullElse(prosody.string(null, "data_path"), "/var/prosody")));
    }

    private void accounts(String domain) {
        Path data = data();
        for (Client c : clients()) {
            if (c.username == null || c.password == null) {
                fail("accounts", c.what + " has no XMPP username or password");
                continue;
            }
            Path account = data.resolve(ProsodyAccounts.path(c.domain == null ? "auth." + domain : c.domain, c.username));
            if (!Files.isRegularFile(account)) {
                fail("accounts", c.what + " logs in as " + c.username + "@" + c.domain + ", which has no prosody account"
                        + " (" + account + "): register it with prosodyctl register");
                continue;
            }
            if (!files.accepts(account, c.password)) {
                fail("accounts", c.what + "'s password for " + c.username + "@" + c.domain + " is not the one prosody"
                        + " has (" + account + "): the daemon cannot log in" + (alone ? "" : "; copy the secrets file from"
                        + " the host that made them and run jitsi-setup --secrets again"));
            }
        }
    }

    private void brewery(String domain) {
        String jicofoBrewery = string(jicofo, "jicofo.bridge.brewery-jid");
        if (jicofoBrewery == null) {
            if (runs(Topology.Role.FOCUS)) {
                fail("brewery", "jicofo has no bridge.brewery-jid: it finds no bridge");
            }
            return;
        }
        for (Client c : clients()) {
            if (c.brewery != null) {
                sameJid("brewery", c.what + "'s muc_jids (the room it announces itself in)", c.brewery, jicofoBrewery);
            }
        }
        String mucHost = jicofoBrewery.substring(jicofoBrewery.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        // the room's MUC is prosody's part
        if (!runs(Topology.Role.XMPP)) {
            return;
        }
        if (!isMuc(mucHost)) {
            fail("brewery", "the brewery room " + jicofoBrewery + " is on " + mucHost
                    + ", which is not a prosody Component \"" + mucHost + "\" \"muc\"");
        } else if (mucHost.equalsIgnoreCase(String.valueOf(webString("hosts.muc")))) {
            fail("brewery", "the brewery room is on the guests' conference MUC " + mucHost
                    + ": put it on internal.auth." + domain);
        } else if (!"true".equals(prosody.string(mucHost, "muc_room_default_members_only"))
                || !"true".equals(prosody.string(mucHost, "restrict_room_creation"))) {
            fail("brewery", "the brewery's MUC " + mucHost + " is open to guests: a guest could join it and pose as a"
                    + " bridge; set restrict_room_creation = true and muc_room_default_members_only = true there");
        }
    }

    /** The web app's BOSH and websocket URLs reach prosody's HTTP port through nginx. */
    private void webToXmpp(String domain) {
        List<String> httpPorts = prosody.list(null, "http_ports");
        String prosodyHttp = httpPorts.isEmpty() ? "5280" : httpPorts.get(0);
        route("bosh", webString("bosh"), "bosh", prosodyHttp, domain);
        // The app falls back to BOSH when config.js names no websocket URL (upstream's leaves it commented out).
        if (webString("websocket") != null) {
            route("websocket", webString("websocket"), "websocket", prosodyHttp, domain);
        }
    }

    private void route(String key, String url, String module, String prosodyHttp, String domain) {
        if (url == null) {
            fail("web-xmpp", "the web app has no " + key + " URL (config.js)");
            return;
        }
        URI uri = URI.create(url.startsWith("//") ? "https:" + url : url);
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        if (!httpsPorts().contains(Integer.toString(port))) {
            fail("web-xmpp", "the web app's " + key + " URL " + url + " uses port " + port + ", where nginx serves no TLS");
        }
        Optional<NginxConfig.Directive> location = httpsServer().flatMap(s -> s.all("location")
                .filter(l -> l.args().contains(uri.getPath())).findFirst());
        String proxy = location.flatMap(l -> l.first("proxy_pass")).map(d -> d.arg(0)).orElse(null);
        String expected = "http://" + (alone ? "127.0.0.1" : xmppAddress) + ":" + prosodyHttp + uri.getPath();
        if (proxy == null || !(proxy.equals(expected) || alone && proxy.equals(expected.replace("127.0.0.1", "localhost")))) {
            fail("web-xmpp", "nginx sends " + uri.getPath() + " to " + proxy + ", but prosody's HTTP is " + expected);
        }
        if (module.equals("websocket") && location.isPresent()
                && location.get().all("proxy_set_header").noneMatch(h -> h.arg(0).equalsIgnoreCase("Upgrade"))) {
            fail("web-xmpp", "nginx's " + uri.getPath() + " does not pass the websocket Upgrade header");
        }
        if (!prosody.modules(domain).contains(module)) {
            fail("web-xmpp", "prosody does not load mod_" + module + " for " + domain + ": the web app's " + key + " URL"
                    + " leads nowhere");
        }
    }

    /**
     * prosody asks for TLS on c2s unless told not to; jicofo starts TLS unless use-tls is false; the
     * bridge (jicoco's MUC client) uses it on loopback if offered, or as its security_mode says.
     */
    private void tls(String domain) {
        String auth = "auth." + domain;
        boolean required = !"false".equals(prosody.string(auth, "c2s_require_encryption"));
        LuaValue ssl = prosody.setting(auth, "ssl");
        boolean certificate = ssl != null && !ssl.isnil();
        boolean jicofoTls = !isFalse(jicofo, "jicofo.xmpp.client.use-tls");
        if (runs(Topology.Role.FOCUS) && required && !jicofoTls) {
            fail("tls", "jicofo logs in without TLS (xmpp.client.use-tls = false), but prosody requires encryption on"
                    + " c2s for " + auth + " (c2s_require_encryption, on unless set to false): jicofo cannot log in");
        }
        if (runs(Topology.Role.FOCUS) && jicofoTls && !certificate) {
            fail("tls", "jicofo starts TLS on c2s (xmpp.client.use-tls, on unless set), but prosody has no ssl"
                    + " certificate configured for " + auth + ": on loopback set use-tls = false");
        }
        String configs = "videobridge.apis.xmpp-client.configs";
        if (runs(Topology.Role.BRIDGE) && jvb.hasPath(configs)) {
            for (String name : new TreeSet<>(jvb.getConfig(configs).root().keySet())) {
                String mode = String.valueOf(string(jvb, configs + "." + name + ".security_mode")).toLowerCase(Locale.ROOT);
                if (required && mode.equals("disabled")) {
                    fail("tls", "the bridge (xmpp-client " + name + ") logs in without TLS (security_mode = disabled), but"
                            + " prosody requires encryption on c2s for " + auth + ": the bridge cannot log in");
                } else if (mode.equals("required") && !certificate) {
                    fail("tls", "the bridge (xmpp-client " + name + ") requires TLS (security_mode = required), but prosody"
                            + " has no ssl certificate configured for " + auth + ": the bridge cannot log in");
                }
            }
        }
    }

    /**
     * The web app sends its conference requests to hosts.focus, a client_proxy component that
     * forwards them to jicofo's account while it has jicofo's presence (focus's roster).
     */
    private void focus(String domain) {
        // The app's default is focus.<hosts.domain> (upstream's config.js leaves it commented out).
        String webFocus = Objects.requireNonNullElse(webString("hosts.focus"), "focus." + webString("hosts.domain"));
        String jicofoProxy = string(jicofo, "jicofo.xmpp.client.client-proxy");
        String jicofoJid = string(jicofo, "jicofo.xmpp.client.username") + "@" + string(jicofo, "jicofo.xmpp.client.domain");
        List<ProsodyConfig.Section> proxies = prosody.sections().values().stream()
                .filter(s -> s.component() && "client_proxy".equals(s.module())).toList();
        ProsodyConfig.Section proxy = proxies.stream().filter(s -> s.name().equalsIgnoreCase(webFocus)).findFirst().orElse(null);
        if (proxy == null) {
            fail("focus", "the web app sends conference requests to " + webFocus + ", which is not a prosody Component"
                    + " \"" + webFocus + "\" \"client_proxy\" (prosody has " + proxies.stream().map(ProsodyConfig.Section::name)
                    .toList() + "): no meeting can start");
            return;
        }
        sameJid("focus", "jicofo's xmpp.client.client-proxy (whose forwarded requests it trusts)", jicofoProxy, proxy.name());
        sameJid("focus", "the target_address of " + proxy.name(), prosody.string(proxy.name(), "target_address"), jicofoJid);
        Path roster = data().resolve(ProsodyRoster.path(string(jicofo, "jicofo.xmpp.client.domain") + "",
                string(jicofo, "jicofo.xmpp.client.username") + ""));
        LuaValue item = Files.isRegularFile(roster) ? rosterItem(files.stored(roster), proxy.name()) : LuaValue.NIL;
        String subscription = item.isnil() ? null : item.get("subscription").optjstring(null);
        if (!"from".equals(subscription) && !"both".equals(subscription)) {
            fail("focus", jicofoJid + "'s roster (" + roster + ") does not give " + proxy.name() + " its presence, so the"
                    + " proxy answers every conference request with service-unavailable: run prosodyctl"
                    + " mod_roster_command subscribe " + proxy.name() + " " + jicofoJid);
        }
    }

    /** Only focus creates conference rooms: a guest arriving first would own the room, not jicofo. */
    private void rooms(String domain) {
        String muc = webString("hosts.muc");
        if (muc == null || !isMuc(muc.toLowerCase(Locale.ROOT))) {
            return;
        }
        String host = muc.toLowerCase(Locale.ROOT);
        String jicofoJid = string(jicofo, "jicofo.xmpp.client.username") + "@" + string(jicofo, "jicofo.xmpp.client.domain");
        if (!"true".equals(prosody.string(host, "restrict_room_creation"))) {
            fail("rooms", "anyone can create rooms on " + host + " (restrict_room_creation is not true): a guest who"
                    + " arrives before jicofo owns the room and the meeting never starts");
        }
        if (prosody.list(host, "admins").stream().noneMatch(a -> a.equalsIgnoreCase(jicofoJid))) {
            fail("rooms", jicofoJid + " is not an admin of " + host + " (its admins: " + prosody.list(host, "admins")
                    + "): jicofo can neither create rooms there nor own them");
        }
    }

    /** TURN servers prosody offers: credentials need the shared secret, and the module that hands them out. */
    private void turn(String domain) {
        LuaValue services = prosody.setting(domain, "external_services");
        if (services == null || !services.istable() || services.length() == 0) {
            return;
        }
        if (!prosody.modules(domain).contains("external_services")) {
            fail("turn", "prosody lists external_services but does not load mod_external_services for " + domain
                    + ": browsers are offered no STUN or TURN server");
        }
        String secret = prosody.string(domain, "external_service_secret");
        for (int i = 1; i <= services.length(); i++) {
            LuaValue service = services.get(i);
            if (service.istable() && service.get("secret").toboolean() && (secret == null || secret.isEmpty())) {
                fail("turn", "the " + service.get("type").optjstring("?") + " server " + service.get("host").optjstring("?")
                        + " takes credentials from a shared secret, but prosody has no external_service_secret: browsers"
                        + " get none and cannot relay media through it");
            }
        }
    }

    /** index.html pulls config.js in by SSI: without it the browser gets no settings. */
    private void ssi() {
        Optional<NginxConfig.Directive> server = httpsServer();
        if (server.isEmpty()) {
            fail("ssi", "nginx has no TLS server (listen ... ssl)");
            return;
        }
        List<NginxConfig.Directive> scopes = new ArrayList<>(nginx.directives().stream().filter(d -> d.name().equals("http")).toList());
        scopes.add(server.get());
        String ssi = scopes.stream().flatMap(d -> d.all("ssi")).reduce((a, b) -> b).map(d -> d.arg(0)).orElse("off");
        List<String> types = scopes.stream().flatMap(d -> d.all("ssi_types")).reduce((a, b) -> b).map(NginxConfig.Directive::args)
                .orElse(List.of());
        if (!ssi.equals("on")) {
            fail("ssi", "nginx's TLS server has ssi " + ssi + ": index.html includes config.js, interface_config.js and"
                    + " logging_config.js by SSI, so the web app gets no settings; add ssi on;");
        } else if (!types.contains("application/javascript") && !types.contains("*")) {
            fail("ssi", "nginx runs SSI in text/html only (ssi_types " + types + "): config.js's own includes stay"
                    + " unprocessed; add ssi_types application/javascript;");
        }
    }

    /** Every room name is a path the app's index.html answers; /external_api.js is the embedding API. */
    private void roomUrls() {
        httpsServer().ifPresent(server -> {
            for (String room : ROOMS) {
                Optional<NginxConfig.Directive> location = server.all("location")
                        .filter(l -> l.arg(0).equals("~") || l.arg(0).equals("~*")).filter(l -> matches(l, room)).findFirst();
                boolean toIndex = location.isPresent() && (location.get().all("try_files").anyMatch(t -> t.arg(0).equals("$uri"))
                        || location.get().all("rewrite").anyMatch(r -> r.arg(1).startsWith("/index.html")));
                if (!toIndex) {
                    fail("room-urls", "nginx does not serve the app for the room " + room + " ("
                            + location.map(l -> "it goes to location " + String.join(" ", l.args())).orElse("no location matches it")
                            + "): room names are any path without / ? & : ' \"; use location ~ ^/([^/?&:'\"]+)$");
                }
            }
            boolean api = server.all("location").anyMatch(l -> l.args().equals(List.of("=", "/external_api.js"))
                    && l.first("alias").map(a -> a.arg(0).endsWith("/libs/external_api.min.js")).orElse(false));
            if (!api) {
                fail("room-urls", "nginx does not alias /external_api.js to the app's libs/external_api.min.js:"
                        + " pages that embed meetings get 404");
            }
        });
    }

    /** What nginx and prosody open: certificates, the web root, log, pid and data directories. */
    private void present() {
        if (runs(Topology.Role.WEB)) {
            presentForNginx();
        }
        if (runs(Topology.Role.XMPP)) {
            directory("prosody's data_path", data());
            prosody.list(null, "plugin_paths").forEach(p -> directory("prosody's plugin_paths", inProsody(p)));
            Optional.ofNullable(prosody.string(null, "pidfile")).ifPresent(p -> directory("prosody's pidfile",
                    inProsody(p).getParent()));
        }
    }

    private void presentForNginx() {
        httpsServer().ifPresent(server -> {
            for (String key : List.of("ssl_certificate", "ssl_certificate_key")) {
                server.first(key).map(d -> inNginx(d.arg(0))).filter(p -> !Files.isRegularFile(p)).ifPresent(p ->
                        fail("files", "nginx's " + key + " " + p + " does not exist: nginx does not start (jitsi-setup makes"
                                + " a self-signed one, acme-client(1) a real one)"));
            }
            server.first("root").map(d -> inNginx(d.arg(0))).filter(p -> !Files.isDirectory(p)).ifPresent(p ->
                    fail("files", "nginx's web root " + p + " does not exist (net/jitsi/meet installs the app there)"));
        });
        List<NginxConfig.Directive> all = new ArrayList<>();
        nginx.directives().forEach(d -> collect(d, all));
        for (NginxConfig.Directive d : all) {
            if (List.of("error_log", "access_log", "pid").contains(d.name()) && d.arg(0).startsWith("/")) {
                directory("nginx's " + d.name(), inNginx(d.arg(0)).getParent());
            } else if (d.name().equals("alias") && d.arg(0).endsWith("/")) {
                directory("nginx's alias", inNginx(d.arg(0)));
            }
        }
        nginx.missing().forEach(p -> fail("files", "nginx.conf includes " + p + ", which does not exist: nginx does not"
                + " start"));
    }

    private void directory(String what, Path p) {
        if (!Files.isDirectory(p)) {
            fail("files", what + " is in " + p + ", which does not exist: the daemon cannot start or write there");
        }
    }

    private static void collect(NginxConfig.Directive d, List<NginxConfig.Directive> into) {
        into.add(d);
        d.block().forEach(c -> collect(c, into));
    }

    /**
     * Keys the daemons do not know are named: they are ignored, so whatever they were meant to set is
     * not set. Only the parts of jicofo.conf and jvb.conf a site writes are checked, against the keys
     * of jicofo's and the bridge's reference.conf (stable/jitsi-meet_11146) and jicoco's MUC client.
     */
    private void keys() {
        if (runs(Topology.Role.FOCUS)) {
            unknown("jicofo.conf", jicofo, "jicofo", JICOFO_KEYS);
            unknown("jicofo.conf", jicofo, "jicofo.xmpp", Set.of("use-jitsi-jid-validation", "client", "service", "visitors",
                    "trusted-domains"));
            unknown("jicofo.conf", jicofo, "jicofo.xmpp.client", JICOFO_CLIENT_KEYS);
        }
        if (!runs(Topology.Role.BRIDGE)) {
            return;
        }
        unknown("jvb.conf", jvb, "videobridge", JVB_KEYS);
        unknown("jvb.conf", jvb, "videobridge.websockets", JVB_WEBSOCKET_KEYS);
        String configs = "videobridge.apis.xmpp-client.configs";
        if (jvb.hasPath(configs)) {
            for (String name : new TreeSet<>(jvb.getConfig(configs).root().keySet())) {
                unknown("jvb.conf", jvb, configs + "." + name, JVB_CLIENT_KEYS);
            }
        }
    }

    private static final Set<String> JICOFO_KEYS = Set.of("authentication", "bridge", "codec", "conference", "enabled",
            "health", "jibri", "jibri-sip", "jigasi", "metrics", "octo", "rest", "sctp", "service-name", "transcription",
            "translation", "visitors", "xmpp");
    private static final Set<String> JICOFO_CLIENT_KEYS = Set.of("enabled", "hostname", "port", "domain", "xmpp-domain",
            "username", "resource", "password", "reply-timeout", "conference-muc-jid", "disable-certificate-verification",
            "client-proxy", "use-tls");
    private static final Set<String> JVB_KEYS = Set.of("entity-expiration", "health", "ep-connection-status", "cc", "cryptex",
            "apis", "rest", "http-servers", "relay", "load-management", "sctp", "stats", "websockets", "ice", "transport",
            "speech-activity", "loudest", "version", "shutdown", "connection-stats", "ssrc-limit", "exporter");
    private static final Set<String> JVB_WEBSOCKET_KEYS = Set.of("enabled", "server-id", "enable-compression",
            "send-keepalive-pings", "keepalive-ping-interval", "idle-timeout", "tls", "domain", "domains", "relay-domain",
            "relay-domains");
    private static final Set<String> JVB_CLIENT_KEYS = Set.of("hostname", "port", "domain", "username", "password",
            "muc_jids", "muc_nickname", "iq_handler_mode", "disable_certificate_verification", "security_mode");

    private void unknown(String file, Config config, String path, Set<String> known) {
        if (!config.hasPath(path) || config.getValue(path).valueType() != com.typesafe.config.ConfigValueType.OBJECT) {
            return;
        }
        for (String key : new TreeSet<>(config.getConfig(path).root().keySet())) {
            if (!known.contains(key)) {
                fail("keys", file + ": " + path + "." + key + " is not a setting " + (file.startsWith("jvb") ? "the bridge"
                        : "jicofo") + " knows; it is ignored (known there: " + new TreeSet<>(known) + ")");
            }
        }
    }

    private void sctp() {
        if (runs(Topology.Role.FOCUS) && !isFalse(jicofo, "jicofo.sctp.enabled")) {
            fail("sctp", "jicofo.sctp.enabled must be false (it is on unless set): data channels go over the bridge's"
                    + " websockets, and jicofo would offer SCTP the bridge does not run");
        }
        if (runs(Topology.Role.BRIDGE) && !isFalse(jvb, "videobridge.sctp.enabled")) {
            fail("sctp", "videobridge.sctp.enabled must be false (it is on unless set): use colibri websockets");
        }
    }

    private void colibri() {
        if (!isTrue(jvb, "videobridge.websockets.enabled")) {
            fail("colibri", "the bridge's websockets are off (videobridge.websockets.enabled): with SCTP off,"
                    + " browsers have no data channel");
            return;
        }
        String wsPort = port(string(jvb, "videobridge.websockets.domain"));
        if (!httpsPorts().contains(wsPort == null ? "443" : wsPort) || !isTrue(jvb, "videobridge.websockets.tls")) {
            fail("colibri", "the bridge tells browsers to reach its websockets at wss://"
                    + string(jvb, "videobridge.websockets.domain") + " (tls " + string(jvb, "videobridge.websockets.tls")
                    + "), which is not nginx's TLS server");
        }
        if (!alone) {
            // each nginx's location for each bridge, by server-id, is checked between the hosts (TopologyVerifier)
            return;
        }
        String port = string(jvb, "videobridge.http-servers.public.port");
        String serverId = Objects.requireNonNullElse(string(jvb, "videobridge.websockets.server-id"), "default-id");
        // The bridge gives browsers wss://DOMAIN/colibri-ws/SERVER-ID/...: nginx must send that on to it.
        String sample = "/colibri-ws/" + serverId + "/endpoint-1";
        Optional<NginxConfig.Directive> location = httpsServer().flatMap(s -> s.all("location")
                .filter(l -> l.args().stream().anyMatch(a -> a.contains("/colibri-ws"))).findFirst());
        if (location.isEmpty() || !matches(location.get(), sample)) {
            fail("colibri", "nginx has no location for " + sample + " (the bridge's server-id is " + serverId + "): "
                    + location.map(l -> "its colibri location is " + String.join(" ", l.args())).orElse("none"));
        }
        String proxy = location.flatMap(l -> l.first("proxy_pass")).map(d -> d.arg(0)).orElse(null);
        if (proxy == null || !proxy.matches("http://(127\\.0\\.0\\.1|localhost):" + Pattern.quote(String.valueOf(port))
                + "(/.*)?")) {
            fail("colibri", "nginx sends /colibri-ws/ to " + proxy + ", but the bridge's public HTTP server is on port "
                    + port + " of 127.0.0.1");
        }
    }

    /** Only nginx and the bridge's media port face the network; everything else is on loopback. */
    private void exposure() {
        if (runs(Topology.Role.XMPP) && !prosody.list(null, "modules_disabled").contains("s2s")
                && !prosody.list(null, "s2s_ports").isEmpty()) {
            fail("exposure", "prosody federates (s2s is on): disable it with modules_disabled = { \"s2s\" }");
        }
        if (!alone) {
            // what listens where and what pf passes, between the hosts: TopologyVerifier
            return;
        }
        for (String key : List.of("c2s_interfaces", "http_interfaces")) {
            List<String> on = prosody.list(null, key);
            if (on.isEmpty() || !LOOPBACK.containsAll(on)) {
                fail("exposure", "prosody's " + key + " is " + (on.isEmpty() ? "unset (all interfaces)" : on)
                        + ": keep it on 127.0.0.1, nginx is the way in");
            }
        }
        for (String server : List.of("public", "private")) {
            String host = string(jvb, "videobridge.http-servers." + server + ".host");
            if (host == null || !LOOPBACK.contains(host)) {
                fail("exposure", "the bridge's " + server + " HTTP server listens on " + host + ": keep it on 127.0.0.1");
            }
        }
        String rest = string(jicofo, "jicofo.rest.host");
        if (rest == null || !LOOPBACK.contains(rest)) {
            fail("exposure", "jicofo's REST API listens on " + rest + ": keep it on 127.0.0.1");
        }
        Set<String> tcp = new TreeSet<>();
        Set<String> udp = new TreeSet<>();
        for (String rule : pf) {
            Matcher m = PF_PASS.matcher(rule);
            if (m.find()) {
                for (String p : m.group(2).replaceAll("[{}]", " ").trim().split("[\\s,]+")) {
                    (m.group(1).equals("tcp") ? tcp : udp).add(p);
                }
            } else if (rule.startsWith("pass in")) {
                fail("exposure", "pf passes in more than single ports: \"" + rule + "\"");
            }
        }
        Set<String> nginxPorts = new TreeSet<>();
        nginx.servers().forEach(s -> s.all("listen").forEach(l -> nginxPorts.add(port(l.arg(0)))));
        if (!tcp.equals(nginxPorts)) {
            fail("exposure", "pf lets in tcp " + tcp + ", but nginx listens on " + nginxPorts);
        }
        String media = string(jvb, "videobridge.ice.udp.port");
        if (!udp.equals(Set.of(media == null ? "10000" : media))) {
            fail("exposure", "pf lets in udp " + udp + ", but the bridge's media port is " + (media == null ? "10000" : media));
        }
    }

    private void rc() {
        List<String> order = rcctl.stream().filter(l -> l.startsWith("rcctl order ")).findFirst()
                .map(l -> List.of(l.substring("rcctl order ".length()).trim().split("\\s+"))).orElse(List.of());
        int prosodyAt = order.indexOf("prosody");
        if (runs(Topology.Role.XMPP) && (prosodyAt < 0 || Stream.of("jicofo", "jvb").anyMatch(d -> order.contains(d)
                && order.indexOf(d) < prosodyAt))) {
            fail("rc", "rcctl order must start prosody before jicofo and jvb (they log in to it); it is " + order);
        }
        for (Topology.Role r : roles) {
            if (!order.contains(r.daemon)) {
                fail("rc", "rcctl order does not start " + r.daemon + ", which this host runs; it is " + order);
            }
        }
        rcctl.stream().filter(l -> l.startsWith("rcctl set jicofo flags")).forEach(l -> {
            for (String flag : LEGACY_JICOFO_FLAGS) {
                if (l.contains(flag)) {
                    fail("rc", "jicofo's flags carry " + flag + ", an option of old jicofo releases; today's jicofo reads"
                            + " everything from jicofo.conf: \"" + l + "\"");
                }
            }
        });
        rcctl.stream().filter(l -> l.startsWith("rcctl set nginx flags")).forEach(l -> fail("rc", "\"" + l + "\" replaces"
                + " whatever flags the administrator gave nginx" + (l.contains("-u") ? ", and -u takes nginx out of its"
                + " /var/www chroot for every site it serves" : "") + ": leave nginx's flags alone"));
    }

    /** An XMPP client configuration of jicofo or of the bridge. */
    private record Client(String what, String hostname, String port, String domain, String username, String password,
            String brewery) {}

    private List<Client> clients() {
        List<Client> out = new ArrayList<>();
        String j = "jicofo.xmpp.client.";
        if (runs(Topology.Role.FOCUS)) {
            out.add(new Client("jicofo", string(jicofo, j + "hostname"), string(jicofo, j + "port"), string(jicofo, j + "domain"),
                    string(jicofo, j + "username"), string(jicofo, j + "password"), null));
        }
        String configs = "videobridge.apis.xmpp-client.configs";
        if (!runs(Topology.Role.BRIDGE)) {
            return out;
        }
        if (jvb.hasPath(configs)) {
            for (String name : new TreeSet<>(jvb.getConfig(configs).root().keySet())) {
                String p = configs + "." + name + ".";
                out.add(new Client("the bridge (xmpp-client " + name + ")", string(jvb, p + "hostname"), string(jvb, p + "port"),
                        string(jvb, p + "domain"), string(jvb, p + "username"), string(jvb, p + "password"),
                        string(jvb, p + "muc_jids")));
            }
        } else {
            fail("xmpp-host", "the bridge has no XMPP client (videobridge.apis.xmpp-client.configs): jicofo cannot find it");
        }
        return out;
    }

    private void same(String check, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            fail(check, what + " is " + (actual == null ? "unset" : actual) + ", expected " + expected);
        }
    }

    /** JIDs compare without case (nodeprep and nameprep fold it), as prosody and Smack do. */
    private void sameJid(String check, String what, String actual, String expected) {
        if (actual == null || !expected.equalsIgnoreCase(actual)) {
            fail(check, what + " is " + (actual == null ? "unset" : actual) + ", expected " + expected);
        }
    }

    /** Does the location's pattern (or prefix) take {@code uri}, as nginx matches it? */
    private static boolean matches(NginxConfig.Directive location, String uri) {
        List<String> a = location.args();
        if (a.size() == 2 && (a.get(0).equals("~") || a.get(0).equals("~*"))) {
            int flags = a.get(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
            try {
                return Pattern.compile(a.get(1), flags).matcher(uri).find();
            } catch (java.util.regex.PatternSyntaxException e) {
                return false;
            }
        }
        return a.size() == 1 ? uri.startsWith(a.get(0)) : a.size() == 2 && uri.startsWith(a.get(1));
    }


    private static LuaValue rosterItem(LuaValue roster, String jid) {
        for (LuaValue k = roster.next(LuaValue.NIL).arg1(); !k.isnil(); k = roster.next(k).arg1()) {
            if (k.isstring() && k.tojstring().equalsIgnoreCase(jid)) {
                return roster.get(k);
            }
        }
        return LuaValue.NIL;
    }

    /** A path written in prosody's files, where it is in the site verified ({@link SiteFiles#within}). */
    private Path inProsody(String path) {
        return SiteFiles.within(prosodyRoot, Path.of(path));
    }

    /** A path written in nginx's files, where it is in the site verified. */
    private Path inNginx(String path) {
        return SiteFiles.within(webRoot, Path.of(path));
    }

    private boolean isMuc(String host) {
        ProsodyConfig.Section s = prosody.sections().get(host);
        return s != null && s.component() && "muc".equals(s.module());
    }

    private boolean isVirtualHost(String host) {
        ProsodyConfig.Section s = prosody.sections().get(host);
        return s != null && !s.component();
    }

    private Optional<NginxConfig.Directive> httpsServer() {
        return nginx.servers().stream().filter(s -> s.all("listen").anyMatch(l -> l.args().contains("ssl"))).findFirst();
    }

    private Set<String> httpsPorts() {
        Set<String> out = new TreeSet<>();
        httpsServer().ifPresent(s -> s.all("listen").filter(l -> l.args().contains("ssl")).forEach(l -> out.add(port(l.arg(0)))));
        return out;
    }

    private String webString(String path) {
        return web == null ? null : string(web, path);
    }

    private static String string(Config c, String path) {
        try {
            return c.hasPath(path) ? c.getString(path) : null;
        } catch (ConfigException e) {
            return null;
        }
    }

    private static boolean isFalse(Config c, String path) {
        return "false".equals(string(c, path));
    }

    private static boolean isTrue(Config c, String path) {
        return "true".equals(string(c, path));
    }

    private static String host(String hostPort) {
        return hostPort == null ? null : hostPort.replaceFirst(":\\d+$", "");
    }

    private static String port(String hostPort) {
        if (hostPort == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:^|:)(\\d+)$").matcher(hostPort);
        return m.find() ? m.group(1) : null;
    }

    private static String urlHost(String url) {
        return url == null ? null : URI.create(url.startsWith("//") ? "https:" + url : url).getHost();
    }
}
