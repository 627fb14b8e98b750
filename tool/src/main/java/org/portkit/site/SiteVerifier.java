package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaValue;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * Reads a rendered site and checks what must hold across its files for Jitsi Meet to work: the
 * pitfalls of a hand-made set-up, each reported in an administrator's words.
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

    private final Path dir;
    private final ProsodyConfig prosody;
    private final Config jicofo;
    private final Config jvb;
    private final NginxConfig nginx;
    private final Config web;
    private final List<String> pf;
    private final List<String> rcctl;
    private final List<Finding> findings = new ArrayList<>();

    private SiteVerifier(Path dir) {
        this.dir = dir;
        this.prosody = ProsodyConfig.read(file("etc/prosody/prosody.cfg.lua"), text("etc/prosody/prosody.cfg.lua"));
        this.jicofo = hocon("etc/jicofo/jicofo.conf", text("etc/jicofo/jicofo.conf"));
        this.jvb = hocon("etc/jvb/jvb.conf", text("etc/jvb/jvb.conf"));
        this.nginx = NginxConfig.parse(file("etc/nginx/nginx.conf").toString(), text("etc/nginx/nginx.conf"));
        this.web = webConfig(text("etc/jitsi/config.js"));
        this.pf = text("etc/jitsi/pf.conf").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        this.rcctl = text("etc/jitsi/rcctl.sh").lines().map(String::strip).filter(l -> l.startsWith("rcctl ")).toList();
    }

    /** Every broken invariant of the site rendered under {@code dir}; empty when it is coherent. */
    public static List<Finding> verify(Path dir) {
        SiteVerifier v = new SiteVerifier(dir);
        String domain = v.domain();
        if (domain != null) {
            v.oneDomain(domain);
            v.xmppHosts(domain);
            v.accounts(domain);
            v.brewery(domain);
            v.webToXmpp(domain);
        }
        v.sctp();
        v.colibri();
        v.exposure();
        v.rc();
        return List.copyOf(v.findings);
    }

    private void fail(String check, String message) {
        findings.add(new Finding(check, message));
    }

    /** The one domain: prosody's anonymous VirtualHost, the one guests log in to. */
    private String domain() {
        List<String> anonymous = prosody.sections().values().stream()
                .filter(s -> !s.component() && "anonymous".equals(prosody.string(s.name(), "authentication")))
                .map(ProsodyConfig.Section::name).toList();
        if (anonymous.size() != 1) {
            fail("domain", "prosody needs exactly one VirtualHost with authentication = \"anonymous\" (the domain guests"
                    + " join), it has " + anonymous);
            return null;
        }
        return anonymous.get(0);
    }

    private void oneDomain(String domain) {
        same("domain", "the web app's hosts.domain (config.js)", webString("hosts.domain"), domain);
        same("domain", "jicofo's xmpp.client.xmpp-domain", string(jicofo, "jicofo.xmpp.client.xmpp-domain"), domain);
        same("domain", "the host of the bridge's websockets.domain", host(string(jvb, "videobridge.websockets.domain")), domain);
        same("domain", "the host of the web app's bosh URL", urlHost(webString("bosh")), domain);
        same("domain", "the host of the web app's websocket URL", urlHost(webString("websocket")), domain);
        List<String> names = httpsServer().map(s -> s.all("server_name").flatMap(d -> d.args().stream()).toList())
                .orElse(List.of());
        if (!names.contains(domain)) {
            fail("domain", "nginx's TLS server answers to " + names + ", not to " + domain + ": users and XMPP must see"
                    + " one DNS name");
        }
        String muc = webString("hosts.muc");
        same("domain", "the web app's hosts.muc", muc, "conference." + domain);
        if (muc != null && !isMuc(muc)) {
            fail("domain", "the web app's conference MUC " + muc + " is not a prosody Component \"" + muc + "\" \"muc\"");
        }
    }

    /** XMPP host vs VirtualHost vs domain: both daemons log in on localhost, into auth.DOMAIN. */
    private void xmppHosts(String domain) {
        String auth = "auth." + domain;
        if (!"internal_hashed".equals(prosody.string(auth, "authentication")) || !isVirtualHost(auth)) {
            fail("xmpp-host", "prosody needs VirtualHost \"" + auth + "\" with authentication = \"internal_hashed\":"
                    + " jicofo and the bridge log in there");
        }
        List<String> c2s = prosody.list(null, "c2s_ports");
        String c2sPort = c2s.isEmpty() ? "5222" : c2s.get(0);
        for (Client c : clients()) {
            same("xmpp-host", c.what + "'s XMPP domain (the VirtualHost it logs in to)", c.domain, auth);
            if (c.hostname == null || !LOOPBACK.contains(c.hostname)) {
                fail("xmpp-host", c.what + " connects to XMPP host " + c.hostname + "; prosody listens on this host only:"
                        + " use localhost (the XMPP host is where to connect, not the domain)");
            }
            same("xmpp-host", c.what + "'s XMPP port", c.port == null ? "5222" : c.port, c2sPort);
        }
    }

    private void accounts(String domain) {
        Path data = Path.of(Objects.requireNonNullElse(prosody.string(null, "data_path"), "/var/prosody"));
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
            // An account file is "return { ... }": read as an assignment, it is a config like any other.
            ProsodyConfig stored = ProsodyConfig.read(account, read(account).replaceFirst("^\\s*return\\b", "data ="));
            LuaValue t = stored.global().get("data");
            ProsodyAccounts.Account a = new ProsodyAccounts.Account(t.get("salt").tojstring(),
                    t.get("iteration_count").toint(), t.get("stored_key").tojstring(), t.get("server_key").tojstring());
            if (!a.accepts(c.password)) {
                fail("accounts", c.what + "'s password for " + c.username + "@" + c.domain + " is not the one prosody"
                        + " has (" + account + "): the daemon cannot log in");
            }
        }
    }

    private void brewery(String domain) {
        String jicofoBrewery = string(jicofo, "jicofo.bridge.brewery-jid");
        if (jicofoBrewery == null) {
            fail("brewery", "jicofo has no bridge.brewery-jid: it finds no bridge");
            return;
        }
        for (Client c : clients()) {
            if (c.brewery != null) {
                same("brewery", c.what + "'s muc_jids (the room it announces itself in)", c.brewery, jicofoBrewery);
            }
        }
        String mucHost = jicofoBrewery.substring(jicofoBrewery.indexOf('@') + 1);
        if (!isMuc(mucHost)) {
            fail("brewery", "the brewery room " + jicofoBrewery + " is on " + mucHost
                    + ", which is not a prosody Component \"" + mucHost + "\" \"muc\"");
        } else if (mucHost.equals(webString("hosts.muc"))) {
            fail("brewery", "the brewery room is on the guests' conference MUC " + mucHost
                    + ": put it on internal.auth." + domain);
        }
    }

    /** The web app's BOSH and websocket URLs reach prosody's HTTP port through nginx. */
    private void webToXmpp(String domain) {
        List<String> httpPorts = prosody.list(null, "http_ports");
        String prosodyHttp = httpPorts.isEmpty() ? "5280" : httpPorts.get(0);
        route("bosh", webString("bosh"), "bosh", prosodyHttp, domain);
        route("websocket", webString("websocket"), "websocket", prosodyHttp, domain);
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
        String expected = "http://127.0.0.1:" + prosodyHttp + uri.getPath();
        if (proxy == null || !(proxy.equals(expected) || proxy.equals(expected.replace("127.0.0.1", "localhost")))) {
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

    private void sctp() {
        if (!isFalse(jicofo, "jicofo.sctp.enabled")) {
            fail("sctp", "jicofo.sctp.enabled must be false (it is on unless set): data channels go over the bridge's"
                    + " websockets, and jicofo would offer SCTP the bridge does not run");
        }
        if (!isFalse(jvb, "videobridge.sctp.enabled")) {
            fail("sctp", "videobridge.sctp.enabled must be false (it is on unless set): use colibri websockets");
        }
    }

    private void colibri() {
        if (!isTrue(jvb, "videobridge.websockets.enabled")) {
            fail("colibri", "the bridge's websockets are off (videobridge.websockets.enabled): with SCTP off,"
                    + " browsers have no data channel");
            return;
        }
        String port = string(jvb, "videobridge.http-servers.public.port");
        String proxy = httpsServer().flatMap(s -> s.all("location").filter(l -> l.args().stream()
                .anyMatch(a -> a.contains("/colibri-ws"))).findFirst()).flatMap(l -> l.first("proxy_pass"))
                .map(d -> d.arg(0)).orElse(null);
        if (proxy == null || !proxy.matches("http://(127\\.0\\.0\\.1|localhost):" + Pattern.quote(String.valueOf(port)) + "/?")) {
            fail("colibri", "nginx sends /colibri-ws/ to " + proxy + ", but the bridge's public HTTP server is on port "
                    + port + " of 127.0.0.1");
        }
        String wsPort = port(string(jvb, "videobridge.websockets.domain"));
        if (!httpsPorts().contains(wsPort == null ? "443" : wsPort) || !isTrue(jvb, "videobridge.websockets.tls")) {
            fail("colibri", "the bridge tells browsers to reach its websockets at wss://"
                    + string(jvb, "videobridge.websockets.domain") + " (tls " + string(jvb, "videobridge.websockets.tls")
                    + "), which is not nginx's TLS server");
        }
    }

    /** Only nginx and the bridge's media port face the network; everything else is on loopback. */
    private void exposure() {
        for (String key : List.of("c2s_interfaces", "http_interfaces")) {
            List<String> on = prosody.list(null, key);
            if (on.isEmpty() || !LOOPBACK.containsAll(on)) {
                fail("exposure", "prosody's " + key + " is " + (on.isEmpty() ? "unset (all interfaces)" : on)
                        + ": keep it on 127.0.0.1, nginx is the way in");
            }
        }
        if (!prosody.list(null, "modules_disabled").contains("s2s") && !prosody.list(null, "s2s_ports").isEmpty()) {
            fail("exposure", "prosody federates (s2s is on): disable it with modules_disabled = { \"s2s\" }");
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
        if (prosodyAt < 0 || order.indexOf("jicofo") < prosodyAt || order.indexOf("jvb") < prosodyAt) {
            fail("rc", "rcctl order must start prosody before jicofo and jvb (they log in to it); it is " + order);
        }
        rcctl.stream().filter(l -> l.startsWith("rcctl set jicofo flags")).forEach(l -> {
            for (String flag : LEGACY_JICOFO_FLAGS) {
                if (l.contains(flag)) {
                    fail("rc", "jicofo's flags carry " + flag + ", an option of old jicofo releases; today's jicofo reads"
                            + " everything from jicofo.conf: \"" + l + "\"");
                }
            }
        });
    }

    /** An XMPP client configuration of jicofo or of the bridge. */
    private record Client(String what, String hostname, String port, String domain, String username, String password,
            String brewery) {}

    private List<Client> clients() {
        List<Client> out = new ArrayList<>();
        String j = "jicofo.xmpp.client.";
        out.add(new Client("jicofo", string(jicofo, j + "hostname"), string(jicofo, j + "port"), string(jicofo, j + "domain"),
                string(jicofo, j + "username"), string(jicofo, j + "password"), null));
        String configs = "videobridge.apis.xmpp-client.configs";
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
        return string(web, path);
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

    /** config.js is {@code var config = {...};}: the object literal, in double quotes, is HOCON too. */
    private Config webConfig(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new PortkitException(Failure.BAD_INPUT, file("etc/jitsi/config.js") + ": no 'var config = { ... }'");
        }
        return hocon("etc/jitsi/config.js", text.substring(start, end + 1));
    }

    private Config hocon(String name, String text) {
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(file(name).toString()));
        } catch (ConfigException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + e.getMessage());
        }
    }

    private Path file(String relative) {
        return dir.resolve(relative);
    }

    private String text(String relative) {
        return read(file(relative));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + file + ": " + e.getMessage()
                    + " (a rendered site has every file portkit render-config writes)");
        }
    }
}
