package org.portkit.site;

import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.portkit.site.Topology.Role;

/**
 * The templates of a Jitsi Meet site, with {@code @NAME@} placeholders for {@link Site#variables()}.
 * prosody, nginx, the web app, pf, hosts, login.conf and rcctl templates are resource files a maintainer can
 * read; jicofo.conf and jvb.conf are produced with Typesafe Config, the library both daemons read
 * them with, so that they are valid HOCON by construction.
 */
public final class SiteTemplates {
    /**
     * Every file a site consists of, in install order. A pristine sample is named relative to the
     * package prefix (jitsi-setup puts ${TRUEPREFIX} before it), as the daemons' ports install it.
     */
    public static final List<SiteFile> FILES = List.of(
            new SiteFile("prosody.cfg.lua.in", "etc/prosody/jitsi-meet.cfg.lua", "0640", "_prosody", "-", Role.XMPP),
            // prosody.cfg.lua stays the administrator's: it gets one Include line, at its end.
            new SiteFile("prosody-include.cfg.lua.in", "etc/prosody/prosody.cfg.lua", "0640", "_prosody", SiteFile.APPEND, Role.XMPP),
            new SiteFile("jicofo.conf.in", "etc/jicofo/jicofo.conf", "0640", "_jicofo", "share/jicofo/jicofo.conf.sample", Role.FOCUS),
            new SiteFile("jvb.conf.in", "etc/jvb/jvb.conf", "0640", "_jvb", "share/jvb/jvb.conf.sample", Role.BRIDGE),
            new SiteFile("nginx-jitsi-meet.conf.in", "etc/nginx/jitsi-meet.conf", "0640", "www", "-", Role.WEB),
            // nginx.conf too stays the administrator's: one include line in its http block.
            new SiteFile("nginx.conf.in", "etc/nginx/nginx.conf", "0640", "www", SiteFile.INSIDE_HTTP, Role.WEB),
            new SiteFile("config.js.in", "var/www/jitsi-meet/config.js", "0644", "www", "-", Role.WEB),
            new SiteFile("pf.conf.in", "etc/jitsi/pf.conf", "0640", "wheel", "-", null),
            new SiteFile("hosts.in", "etc/jitsi/hosts", "0640", "wheel", "-", null),
            new SiteFile("login.conf.in", "etc/jitsi/login.conf", "0640", "wheel", "-", null),
            new SiteFile("rcctl.sh.in", "etc/jitsi/rcctl.sh", "0640", "wheel", "-", null));

    /**
     * The directories the daemons write to, made if missing (MANIFEST lines with template "-"):
     * nginx's logs and acme-client's challenges inside nginx's chroot, prosody's data, the pid files'.
     */
    public static final List<SiteFile> DIRECTORIES = List.of(
            new SiteFile("-", "var/www/logs", "0755", "www", "-", Role.WEB),
            new SiteFile("-", "var/www/acme", "0755", "daemon", "-", Role.WEB),
            new SiteFile("-", "var/prosody", "0750", "_prosody", "-", Role.XMPP),
            new SiteFile("-", "var/run", "0755", "wheel", "-", null));

    /** Appended to jvb.conf when the bridge is behind NAT. */
    public static final String JVB_NAT = "jvb-nat.conf.in";

    /** Appended to jvb.conf (after {@link #JVB_NAT}) when the bridge learns its public address by STUN. */
    public static final String JVB_STUN = "jvb-stun.conf.in";

    /** nginx's location for one bridge's colibri websockets, once per bridge in jitsi-meet.conf. */
    public static final String NGINX_COLIBRI = "nginx-colibri.conf.in";

    /** Appended to jvb.conf when there are several bridges: conferences relay between them. */
    public static final String JVB_RELAY = "jvb-relay.conf.in";

    /** Appended to jicofo.conf when there are several bridges: it spreads conferences over them (relays). */
    public static final String JICOFO_OCTO = "jicofo-octo.conf.in";

    /** nginx's location for one bridge's relay websockets, after its colibri one, with several bridges. */
    public static final String NGINX_COLIBRI_RELAY = "nginx-colibri-relay.conf.in";

    /** Appended to a bridge's hosts lines with several bridges: the domain at the nginx relays go through. */
    public static final String HOSTS_RELAY = "hosts-relay.in";

    /** The router's pf.conf, vmd's vm.conf, and one VM in it (a topology with a router). */
    public static final String ROUTER_PF = "router-pf.conf.in";
    public static final String VM_CONF = "vm.conf.in";
    public static final String VM = "vm.in";

    private SiteTemplates() {}

    /** Every template by name, including {@link #JVB_NAT} and {@link #JVB_STUN}. */
    public static SortedMap<String, String> all() {
        SortedMap<String, String> t = new TreeMap<>();
        for (SiteFile f : FILES) {
            t.put(f.template(), switch (f.template()) {
                case "jicofo.conf.in" -> hocon("jicofo configuration", jicofo());
                case "jvb.conf.in" -> hocon("jitsi-videobridge configuration", jvb());
                default -> resource(f.template());
            });
        }
        t.put(JVB_NAT, hocon("jitsi-videobridge behind NAT (its host address, and the public one browsers reach)", nat()));
        t.put(JVB_STUN, hocon("jitsi-videobridge's public address, learnt from a STUN server", stun()));
        for (String name : List.of(NGINX_COLIBRI, NGINX_COLIBRI_RELAY, HOSTS_RELAY, ROUTER_PF, VM_CONF, VM)) {
            t.put(name, resource(name));
        }
        t.put(JVB_RELAY, hocon("jitsi-videobridge relaying to the site's other bridges", map("videobridge", map(
                "relay", map(
                        "enabled", true,
                        "relay-id", note("@JVB_SERVER_ID@", "its own, as its server-id")),
                "websockets", map("relay-domain", note("@DOMAIN@:@HTTPS_PORT@", "where the other bridges open this one's"
                        + " relay websockets: nginx, which proxies /colibri-relay-ws/@JVB_SERVER_ID@/ here"))))));
        t.put(JICOFO_OCTO, hocon("jicofo spreading conferences over the site's bridges", map("jicofo", map(
                "octo", map("enabled", note(true, "the bridges relay to each other (videobridge.relay), over websockets"
                        + " as SCTP is off")),
                "bridge", map("selection-strategy", note("RegionBasedBridgeSelectionStrategy", "no regions set: a conference"
                        + " gets another bridge when its bridges are overloaded (the default strategy never splits one)"))))));
        return t;
    }

    /**
     * What www/jitsi-meta ships in share/jitsi-meta: every template, and a MANIFEST with one
     * {@link SiteFile#manifestLine()} per directory and file, which jitsi-setup makes in that order.
     */
    public static SortedMap<String, String> shipped() {
        SortedMap<String, String> files = all();
        // the router's are portkit render-config's only: jitsi-setup runs on the site's own hosts
        files.keySet().removeAll(List.of(ROUTER_PF, VM_CONF, VM));
        StringBuilder manifest = new StringBuilder();
        DIRECTORIES.forEach(f -> manifest.append(f.manifestLine()).append('\n'));
        FILES.forEach(f -> manifest.append(f.manifestLine()).append('\n'));
        files.put("MANIFEST", manifest.toString());
        return files;
    }

    /** The jitsi-setup script, with ${TRUEPREFIX} for the package's prefix (SUBST_PROGRAM fills it in). */
    public static String setupScript() {
        return resource("jitsi-setup.sh.in");
    }

    private static Map<String, Object> jicofo() {
        return map("jicofo", map(
                "xmpp", map(
                        "client", map(
                                "hostname", note("@XMPP_HOST@", "prosody's c2s port, in the auth VirtualHost"),
                                "port", "@C2S_PORT@",
                                "domain", "auth.@DOMAIN@",
                                "xmpp-domain", "@DOMAIN@",
                                "username", "focus",
                                "password", "@FOCUS_PASSWORD@",
                                "client-proxy", "focus.@DOMAIN@",
                                "conference-muc-jid", "conference.@DOMAIN@",
                                "use-tls", note(false, "loopback only: prosody's c2s_require_encryption is false"),
                                "disable-certificate-verification", true)),
                "bridge", map("brewery-jid", note("JvbBrewery@internal.auth.@DOMAIN@", "the room every bridge joins")),
                "sctp", map("enabled", note(false, "data channels go over the bridge's websockets, never SCTP")),
                "rest", map("host", "127.0.0.1", "port", "@JICOFO_REST_PORT@")));
    }

    private static Map<String, Object> jvb() {
        return map("videobridge", map(
                "apis", map("xmpp-client", map("configs", map("localhost", map(
                        "hostname", note("@XMPP_HOST@", "prosody's c2s port, in the auth VirtualHost"),
                        "port", "@C2S_PORT@",
                        "domain", "auth.@DOMAIN@",
                        "username", "jvb",
                        "password", "@JVB_PASSWORD@",
                        "muc_jids", note("JvbBrewery@internal.auth.@DOMAIN@", "the room jicofo finds bridges in"),
                        "muc_nickname", note("@JVB_SERVER_ID@", "its own name in the brewery"),
                        "disable_certificate_verification", true)))),
                "sctp", map("enabled", note(false, "data channels go over colibri websockets, never SCTP")),
                "websockets", map(
                        "enabled", true,
                        "domain", note("@DOMAIN@:@HTTPS_PORT@", "what browsers reach: nginx proxies /colibri-ws/ here"),
                        "tls", true,
                        "server-id", note("@JVB_SERVER_ID@", "nginx proxies /colibri-ws/@JVB_SERVER_ID@/ to this bridge")),
                "http-servers", map(
                        "public", map("host", note("@JVB_ADDRESS@", "where nginx reaches its colibri websockets"), "port", "@JVB_WS_PORT@"),
                        "private", map("host", "127.0.0.1", "port", "@JVB_PRIVATE_PORT@")),
                "ice", map("udp", map("port", note("@JVB_UDP_PORT@", "the only port of this host open to media")))));
    }

    private static Map<String, Object> nat() {
        return map("ice4j", map("harvest", map("mapping", map("static-mappings", List.of(map(
                "name", "nat",
                "local-address", "@LOCAL_ADDRESS@",
                "public-address", "@PUBLIC_ADDRESS@"))))));
    }

    private static Map<String, Object> stun() {
        return map("ice4j", map("harvest", map("mapping", map("stun", map("addresses", List.of("@STUN_ADDRESS@"))))));
    }

    /** HOCON text of {@code model}: keys sorted by Typesafe Config itself, comments kept. */
    private static String hocon(String title, Map<String, Object> model) {
        String body = ConfigValueFactory.fromMap(model).render(ConfigRenderOptions.defaults().setOriginComments(false)
                .setComments(true).setJson(false).setFormatted(true));
        // XMPP_HOST is a HOCON value as written (localhost bare, an address quoted): see Site.
        body = body.replace("\"@XMPP_HOST@\"", "@XMPP_HOST@");
        return "# " + title + " for @DOMAIN@, written by jitsi-setup (www/jitsi-meta).\n" + body;
    }

    private static ConfigValue note(Object value, String comment) {
        return ConfigValueFactory.fromAnyRef(value).withOrigin(ConfigOriginFactory.newSimple().withComments(List.of(" " + comment)));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = SiteTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
