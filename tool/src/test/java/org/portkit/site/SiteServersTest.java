package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.SimpleIQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.bosh.BOSHConfiguration;
import org.jivesoftware.smack.bosh.XMPPBOSHConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.websocket.XmppWebSocketTransportModuleDescriptor;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A rendered site against the real servers: Debian's prosody and nginx, started on loopback
 * under a temporary prefix with the files render-config writes, Smack as the daemons and the
 * web app would use XMPP, and the JDK's HTTP client as a browser fetching the app. CI installs both servers (.ci/run); elsewhere the test says it skipped.
 */
@Tag("real-world")
class SiteServersTest {
    private static final String DOMAIN = "meet.test";

    @TempDir
    Path tmp;

    private final List<Process> servers = new ArrayList<>();

    @Test
    void daemonsAndGuestsGetInAndOutsidersDoNot() throws Exception {
        requireServers();
        Site site = new Site(DOMAIN, new Site.Network(null, null, "turn.example.org"), new Site.Ports("127.0.0.1:", freePort(), freePort(), freePort(), freePort(),
                10000, 9090, 8080, 8888), tmp.toString(), SiteRenderer.newSecrets());
        SiteRenderer.write(site, tmp);
        trust(certificate());
        webApp();
        assertEquals(List.of(), SiteVerifier.verify(tmp), "the set under test is coherent, and everything nginx.conf and"
                + " prosody.cfg.lua name exists under it");
        try {
            start(site);
            String focusPassword = site.secrets().focusPassword();

            // jicofo and the bridge log in on c2s with the generated passwords.
            XMPPTCPConnection focus = tcp(site, "focus", focusPassword);
            XMPPTCPConnection jvb = tcp(site, "jvb", site.secrets().jvbPassword());

            // The bridge joins the brewery, and jicofo sees it there.
            EntityBareJid brewery = JidCreate.entityBareFrom("JvbBrewery@internal.auth." + DOMAIN);
            MultiUserChatManager.getInstanceFor(jvb).getMultiUserChat(brewery).join(Resourcepart.from("jvb-test"));
            MultiUserChat seen = MultiUserChatManager.getInstanceFor(focus).getMultiUserChat(brewery);
            seen.join(Resourcepart.from("focus"));
            assertTrue(waitFor(() -> seen.getOccupants().contains(JidCreate.entityFullFrom(brewery + "/jvb-test"))),
                    "focus sees the bridge in the brewery: " + seen.getOccupants());

            // Guests, anonymously, through nginx over BOSH and over websocket.
            XMPPBOSHConnection bosh = bosh(site);
            ModularXmppClientToServerConnection websocket = websocketGuest("wss://127.0.0.1:" + site.ports().https()
                    + "/xmpp-websocket", DOMAIN);

            // With --turn, prosody hands browsers time-limited TURN credentials (XEP-0215).
            IQ services = bosh.sendIqRequestAndWaitForResponse(new ExternalServices(JidCreate.domainBareFrom(DOMAIN)));
            String offered = services.toXML().toString();
            for (String expected : List.of("turn.example.org", "turns", "udp", "5349", "password=")) {
                assertTrue(offered.contains(expected), expected + " in " + offered);
            }

            // focus's roster, as render-config stored it, gives focus.DOMAIN its presence: the web app's
            // request to focus.DOMAIN reaches jicofo and its answer comes back.
            Jid proxy = JidCreate.domainBareFrom("focus." + DOMAIN);
            Roster roster = Roster.getInstanceFor(focus);
            roster.reloadAndWait();
            assertEquals(RosterPacket.ItemType.from, roster.getEntry(proxy.asBareJid()).getType(), "focus's roster");
            PingManager.getInstanceFor(focus);
            IQ answer = bosh.sendIqRequestAndWaitForResponse(new Ping(proxy));
            assertEquals(IQ.Type.result, answer.getType(), answer.toXML().toString());
            assertEquals(proxy, answer.getFrom());

            // Only focus creates conference rooms: a guest who comes first is refused, then joins focus's room.
            EntityBareJid room = JidCreate.entityBareFrom("test@conference." + DOMAIN);
            MultiUserChat early = MultiUserChatManager.getInstanceFor(bosh).getMultiUserChat(room);
            XMPPException.XMPPErrorException squatter = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> early.join(Resourcepart.from("bosh-guest")));
            assertEquals(StanzaError.Condition.not_allowed, squatter.getStanzaError().getCondition(), squatter.toString());
            MultiUserChatManager.getInstanceFor(focus).getMultiUserChat(room).join(Resourcepart.from("focus"));
            early.join(Resourcepart.from("bosh-guest"));
            MultiUserChat guests = MultiUserChatManager.getInstanceFor(websocket).getMultiUserChat(room);
            guests.join(Resourcepart.from("ws-guest"));
            assertTrue(waitFor(() -> guests.getOccupants().contains(JidCreate.entityFullFrom(room + "/bosh-guest"))),
                    "both guests are in focus's room: " + guests.getOccupants());

            // A wrong password, and a guest at the brewery's door, are refused.
            // (its first character changed: a hex password starts with 0 one time in 16)
            String wrong = (focusPassword.charAt(0) == '0' ? "1" : "0") + focusPassword.substring(1);
            assertThrows(SASLErrorException.class, () -> tcp(site, "focus", wrong));
            XMPPException.XMPPErrorException intruder = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> MultiUserChatManager.getInstanceFor(bosh).getMultiUserChat(brewery)
                            .join(Resourcepart.from("intruder")));
            assertTrue(intruder.getStanzaError().getCondition().toString().contains("registration"),
                    intruder.getStanzaError().toString());

            for (AbstractXMPPConnection c : List.of(focus, jvb, bosh)) {
                c.disconnect();
            }
            websocket.disconnect();

            // Without focus.DOMAIN in focus's roster, the proxy has no focus to forward to.
            stop(servers.remove(0));
            Files.delete(tmp.resolve("var/prosody/" + ProsodyRoster.path("auth." + DOMAIN, "focus")));
            servers.add(0, prosody());
            awaitPorts(site.ports().c2s(), site.ports().prosodyHttp());
            XMPPTCPConnection lonely = tcp(site, "focus", focusPassword);
            PingManager.getInstanceFor(lonely);
            XMPPBOSHConnection guest = bosh(site);
            XMPPException.XMPPErrorException unavailable = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> guest.sendIqRequestAndWaitForResponse(new Ping(proxy)));
            assertEquals(StanzaError.Condition.service_unavailable, unavailable.getStanzaError().getCondition());
            lonely.disconnect();
            guest.disconnect();
        } finally {
            servers.forEach(SiteServersTest::stop);
        }
    }

    /**
     * nginx serves the app's index.html, with config.js in it by SSI, for every room name. Its
     * nginx.conf is the administrator's, shaped like a stock one (mime.types beside it, Debian's; a server of
     * its own on port 80), with the include jitsi-setup adds first in its http block.
     */
    @Test
    void nginxServesTheAppWithItsConfigForEveryRoom() throws Exception {
        requireServers();
        Site site = new Site(DOMAIN, Site.Network.DIRECT, new Site.Ports("127.0.0.1:", freePort(), freePort(), freePort(), freePort(),
                10000, 9090, 8080, 8888), tmp.toString(), SiteRenderer.newSecrets());
        SiteRenderer.write(site, tmp);
        trust(certificate());
        webApp();
        Files.writeString(tmp.resolve("var/www/acme/token-1"), "token-1.thumbprint\n");
        Files.copy(Path.of("/etc/nginx/mime.types"), tmp.resolve("etc/nginx/mime.types"));
        Path htdocs = Files.createDirectories(tmp.resolve("var/www/htdocs"));
        Files.writeString(htdocs.resolve("index.html"), "the administrator's own site\n");
        Files.writeString(tmp.resolve("etc/nginx/nginx.conf"), "worker_processes  1;\npid " + tmp.resolve("var/run/nginx.pid")
                + ";\nerror_log " + tmp.resolve("var/www/logs/error.log") + ";\nevents {\n    worker_connections  800;\n}\n"
                + "http {\n    include " + tmp.resolve("etc/nginx/jitsi-meet.conf") + ";\n    include mime.types;\n"
                + "    default_type application/octet-stream;\n    access_log " + tmp.resolve("var/www/logs/access.log") + ";\n"
                + "    server {\n        listen 127.0.0.1:" + site.ports().http() + ";\n        server_name localhost;\n"
                + "        root " + htdocs + ";\n    }\n}\n");
        assertEquals(List.of(), SiteVerifier.verify(tmp).stream().filter(f -> f.check().equals("files")
                || f.check().equals("ssi") || f.check().equals("room-urls")).toList());
        try {
            servers.add(nginx());
            awaitPorts(site.ports().https(), site.ports().http());
            HttpClient http = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
            String https = "https://localhost:" + site.ports().https();
            String config = Files.readString(tmp.resolve("var/www/jitsi-meet/config.js"));
            for (String path : List.of("/", "/my-room", "/team_sync", "/caf%C3%A9")) {
                HttpResponse<String> page = get(http, https + path);
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.body().contains("<title>Jitsi Meet test page</title>"), path + ": " + page.body());
                assertTrue(page.body().contains("<script>" + config + "</script>"), path + " has config.js in it: " + page.body());
                assertTrue(page.body().contains("var interfaceConfig = {};") && page.body().contains("var loggingConfig = {};"),
                        path + ": " + page.body());
            }
            HttpResponse<String> api = get(http, https + "/external_api.js");
            assertEquals(200, api.statusCode());
            assertEquals("function JitsiMeetExternalAPI() {}\n", api.body());
            assertEquals(404, get(http, https + "/no/such/file").statusCode());

            // Port 80: acme-client's challenge is answered, the rest goes to https; the administrator's
            // own server still answers its own name.
            assertEquals("200 token-1.thumbprint\n", plain(site, DOMAIN, "/.well-known/acme-challenge/token-1"));
            assertEquals("301 https://" + DOMAIN + "/my-room", plain(site, DOMAIN, "/my-room"));
            assertEquals("200 the administrator's own site\n", plain(site, "localhost", "/"));
        } finally {
            servers.forEach(SiteServersTest::stop);
        }
    }

    /** XEP-0215's request for the external services (STUN, TURN) a client may use. */
    private static final class ExternalServices extends SimpleIQ {
        ExternalServices(Jid to) {
            super("services", "urn:xmpp:extdisco:2");
            setTo(to);
            setType(IQ.Type.get);
        }
    }

    /** A plain HTTP/1.0 request to nginx's port 80 for {@code host}: status and Location, or status and body. */
    private static String plain(Site site, String host, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), site.ports().http())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String status = response.substring(9, 12);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            java.util.regex.Matcher location = java.util.regex.Pattern.compile("(?m)^Location: ([^\r\n]*)").matcher(response);
            return status + " " + (location.find() ? location.group(1) : body);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What the host's packages put beside the site: the web app as net/jitsi/meet installs it, here a
     * page shaped like its index.html (its three SSI includes), and the Jitsi prosody plugins, here
     * the test's own stand-in for mod_client_proxy (the real one is not reachable from here).
     */
    private void webApp() throws IOException {
        Path web = tmp.resolve("var/www/jitsi-meet");
        Files.writeString(web.resolve("index.html"), """
                <html><head><title>Jitsi Meet test page</title>
                <script><!--#include virtual="/config.js" --></script>
                <script><!--#include virtual="/interface_config.js" --></script>
                <script><!--#include virtual="/logging_config.js" --></script>
                </head><body></body></html>
                """);
        Files.writeString(web.resolve("interface_config.js"), "var interfaceConfig = {};");
        Files.writeString(web.resolve("logging_config.js"), "var loggingConfig = {};");
        Files.createDirectories(web.resolve("libs"));
        Files.writeString(web.resolve("libs/external_api.min.js"), "function JitsiMeetExternalAPI() {}\n");
        Path plugins = Files.createDirectories(tmp.resolve("usr/local/share/jitsi-prosody-plugins"));
        try (InputStream in = SiteServersTest.class.getResourceAsStream("mod_client_proxy.lua")) {
            Files.copy(in, plugins.resolve("mod_client_proxy.lua"));
        }
    }

    private static XMPPBOSHConnection bosh(Site site) throws Exception {
        XMPPBOSHConnection bosh = new XMPPBOSHConnection(BOSHConfiguration.builder().setUseHttps(true)
                .setHost("localhost").setPort(site.ports().https()).setFile("/http-bind").setXmppDomain(DOMAIN)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).performSaslAnonymousAuthentication()
                .build());
        bosh.connect().login();
        return bosh;
    }

    static void requireServers() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/prosody")) && Files.isExecutable(Path.of("/usr/sbin/nginx"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install prosody and nginx (.ci/run does, from Debian)");
        }
        Assumptions.assumeTrue(present, "SKIPPED: prosody and nginx are not installed (apt-get install prosody nginx-light)");
    }

    private void start(Site site) throws Exception {
        Path prosodyConfig = tmp.resolve("etc/prosody/prosody.cfg.lua");
        // prosody.cfg.lua is the administrator's, here shaped like a stock one: its own global settings
        // (one that jitsi-meet's part overrides) and host, then the Include jitsi-setup adds at its end.
        String own = "c2s_require_encryption = true\nVirtualHost \"localhost\"\n";
        if ("root".equals(System.getProperty("user.name"))) {
            // CI runs as root; prosody refuses that (and hangs) unless told. Nothing else differs.
            own = "run_as_root = true\n" + own;
        }
        Files.writeString(prosodyConfig, own + Files.readString(prosodyConfig));
        servers.add(prosody());
        servers.add(nginx());
        awaitPorts(site.ports().c2s(), site.ports().prosodyHttp(), site.ports().https());
    }

    private Process prosody() throws IOException {
        return process(tmp.resolve("prosody.log"), "prosody", "-F", "--config",
                tmp.resolve("etc/prosody/prosody.cfg.lua").toString());
    }

    private Process nginx() throws IOException {
        return process(tmp.resolve("nginx.log"), "nginx", "-p", tmp.toString(), "-c",
                tmp.resolve("etc/nginx/nginx.conf").toString(), "-g", "daemon off; user root;");
    }

    private void awaitPorts(int... ports) throws Exception {
        for (int port : ports) {
            assertTrue(waitFor(() -> listening(port)), "port " + port + " did not open: see " + tmp + "/*.log\n"
                    + read(tmp.resolve("prosody.log")) + read(tmp.resolve("nginx.log")));
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    static Process process(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static XMPPTCPConnection tcp(Site site, String user, String password) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("auth." + DOMAIN).setHost("127.0.0.1").setPort(site.ports().c2s())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).setUsernameAndPassword(user, password)
                .setResource("test").setConnectTimeout(10000).build());
        c.setReplyTimeout(10000);
        c.connect().login();
        return c;
    }

    /** A guest logged in anonymously to {@code domain} over the websocket at {@code url}. */
    static ModularXmppClientToServerConnection websocketGuest(String url, String domain) throws Exception {
        var ws = ModularXmppClientToServerConnectionConfiguration.builder();
        ws.removeAllModules();
        XmppWebSocketTransportModuleDescriptor.getBuilder(ws).explicitlySetWebSocketEndpointAndDiscovery(URI.create(url), false)
                .buildModule();
        ws.setXmppDomain(domain).performSaslAnonymousAuthentication();
        ModularXmppClientToServerConnection websocket = new ModularXmppClientToServerConnection(ws.build());
        websocket.connect().login();
        return websocket;
    }

    /** A self-signed certificate for the domain, where the site's nginx looks for it. */
    private Path certificate() throws Exception {
        return certificate(tmp, DOMAIN, "127.0.0.1");
    }

    /** The same for the site of {@code domain} whose host's root is {@code root}, at nginx's {@code address}. */
    static Path certificate(Path root, String domain, String address) throws Exception {
        Path cert = root.resolve("etc/ssl/" + domain + ".fullchain.pem");
        Path key = root.resolve("etc/ssl/private/" + domain + ".key");
        Files.createDirectories(key.getParent());
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + domain, "-addext", "subjectAltName=DNS:" + domain + ",DNS:localhost,IP:" + address,
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return cert;
    }

    /**
     * Trusts the test certificate besides the JDK's own authorities, for the whole JVM: jbosh reads
     * only the javax.net.ssl properties, and Smack's websocket uses the default SSLContext.
     */
    private void trust(Path cert) throws Exception {
        trust(cert, tmp);
    }

    /** The JDK's authorities and every test certificate trusted so far in this JVM. */
    private static KeyStore trusted;
    /** What the default SSLContext asks: Smack's websocket keeps one HttpClient, made with the first default. */
    private static volatile X509TrustManager trusting;

    /**
     * {@link #trust(Path)}, the trust store written in {@code dir}. Certificates add up: the
     * default SSLContext, set once, asks a trust manager that follows the store.
     */
    static synchronized void trust(Path cert, Path dir) throws Exception {
        if (trusted == null) {
            trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib/security/cacerts"))) {
                trusted.load(in, "changeit".toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                    trusting.checkClientTrusted(chain, auth);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                    trusting.checkServerTrusted(chain, auth);
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return trusting.getAcceptedIssuers();
                }
            }}, null);
            SSLContext.setDefault(ctx);
        }
        try (InputStream in = Files.newInputStream(cert)) {
            trusted.setCertificateEntry("portkit-site-test-" + trusted.size(), CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        Path file = dir.resolve("truststore.p12");
        try (var out = Files.newOutputStream(file)) {
            trusted.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        trusting = (X509TrustManager) tmf.getTrustManagers()[0];
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static boolean waitFor(Condition c) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            if (c.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return c.holds();
    }
}
