package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A rendered topology run for real, each host on its own loopback address (127.0.1.x): Debian's
 * prosody on the xmpp host's, nginx on the web host's, a Smack focus and two Smack bridges
 * connecting from their hosts' addresses with the rendered configuration's values, and a
 * stand-in for each bridge's colibri websockets server on its address.
 */
@Tag("real-world")
class TopologyServersTest {
    private static final String DOMAIN = "meet.test";

    @TempDir
    Path tmp;

    private final List<Process> servers = new ArrayList<>();

    @Test
    void bridgesJoinTheBreweryAndEachIsReachedThroughNginx() throws Exception {
        SiteServersTest.requireServers();
        String description = """
                domain = meet.test
                public-address = 127.0.1.2
                hosts {
                  web { address = 127.0.1.2, roles = [web] }
                  xmpp { address = 127.0.1.3, roles = [xmpp] }
                  jicofo { address = 127.0.1.4, roles = [focus] }
                  jvb1 { address = 127.0.1.5, roles = [bridge] }
                  jvb2 { address = 127.0.1.6, roles = [bridge], bridge { media-port = 10001 } }
                }
                """;
        Topology topology = Topology.read(Path.of("test.conf"), description);
        Site.Ports ports = new Site.Ports("", SiteServersTest.freePort(), SiteServersTest.freePort(), SiteServersTest.freePort(),
                SiteServersTest.freePort(), 10000, SiteServersTest.freePort(), 8080, 8888);
        Site.Secrets secrets = SiteRenderer.newSecrets();
        TopologyRenderer.write(topology, description, Site.Network.DIRECT, ports, host -> tmp.resolve(host).toString(), secrets, tmp);
        Path web = tmp.resolve("web");
        SiteServersTest.trust(SiteServersTest.certificate(web, DOMAIN, "127.0.1.2"), tmp);
        Path xmpp = tmp.resolve("xmpp");
        Path plugins = Files.createDirectories(xmpp.resolve("usr/local/share/jitsi-prosody-plugins"));
        try (InputStream in = SiteServersTest.class.getResourceAsStream("mod_client_proxy.lua")) {
            Files.copy(in, plugins.resolve("mod_client_proxy.lua"));
        }
        assertEquals(List.of(), TopologyVerifier.verify(tmp));
        Path prosodyConfig = xmpp.resolve("etc/prosody/prosody.cfg.lua");
        if ("root".equals(System.getProperty("user.name"))) {
            Files.writeString(prosodyConfig, "run_as_root = true\n" + Files.readString(prosodyConfig));
        }
        List<HttpServer> standIns = new ArrayList<>();
        try {
            servers.add(SiteServersTest.process(tmp.resolve("prosody.log"), "prosody", "-F", "--config", prosodyConfig.toString()));
            servers.add(SiteServersTest.process(tmp.resolve("nginx.log"), "nginx", "-p", web.toString(), "-c",
                    web.resolve("etc/nginx/nginx.conf").toString(), "-g", "daemon off; user root;"));
            // Each bridge's colibri websockets server, a stand-in on its host's address answering with its name.
            for (String bridge : List.of("jvb1", "jvb2")) {
                HttpServer s = HttpServer.create(new InetSocketAddress(topology.host(bridge).address(), ports.jvbWebsockets()), 0);
                s.createContext("/", x -> {
                    byte[] body = (bridge + " " + x.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                    x.close();
                });
                s.start();
                standIns.add(s);
            }
            await("127.0.1.3", ports.c2s());
            await("127.0.1.3", ports.prosodyHttp());
            await("127.0.1.2", ports.https());

            // jicofo and both bridges log in from their own addresses with what their files say.
            XMPPTCPConnection focus = login(tmp.resolve("jicofo/etc/jicofo/jicofo.conf"), "jicofo.xmpp.client", "127.0.1.4");
            String configs = "videobridge.apis.xmpp-client.configs.localhost";
            XMPPTCPConnection jvb1 = login(tmp.resolve("jvb1/etc/jvb/jvb.conf"), configs, "127.0.1.5");
            XMPPTCPConnection jvb2 = login(tmp.resolve("jvb2/etc/jvb/jvb.conf"), configs, "127.0.1.6");
            EntityBareJid brewery = JidCreate.entityBareFrom(hocon(tmp.resolve("jicofo/etc/jicofo/jicofo.conf"))
                    .getString("jicofo.bridge.brewery-jid"));
            for (var b : List.of(List.of(jvb1, "jvb1"), List.of(jvb2, "jvb2"))) {
                var conf = hocon(tmp.resolve(b.get(1) + "/etc/jvb/jvb.conf"));
                MultiUserChatManager.getInstanceFor((XMPPTCPConnection) b.get(0))
                        .getMultiUserChat(JidCreate.entityBareFrom(conf.getString(configs + ".muc_jids")))
                        .join(Resourcepart.from(conf.getString(configs + ".muc_nickname")));
            }
            MultiUserChat seen = MultiUserChatManager.getInstanceFor(focus).getMultiUserChat(brewery);
            seen.join(Resourcepart.from("focus"));
            assertTrue(SiteServersTest.waitFor(() -> seen.getOccupants().containsAll(List.of(
                    JidCreate.entityFullFrom(brewery + "/jvb1"), JidCreate.entityFullFrom(brewery + "/jvb2")))),
                    "focus sees both bridges in the brewery: " + seen.getOccupants());

            // A guest reaches prosody through nginx's address: a BOSH session offering anonymous login,
            // where prosody's HTTP is not on the usual loopback address.
            HttpClient http = HttpClient.newBuilder().build();
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create("https://127.0.1.2:" + ports.https()
                    + "/http-bind")).POST(HttpRequest.BodyPublishers.ofString("<body rid='1' to='" + DOMAIN + "' xml:lang='en'"
                    + " wait='10' hold='1' ver='1.6' xmpp:version='1.0' xmlns='http://jabber.org/protocol/httpbind'"
                    + " xmlns:xmpp='urn:xmpp:xbosh'/>")).header("Content-Type", "text/xml; charset=utf-8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, session.statusCode(), session.body());
            assertTrue(session.body().contains("sid=") && session.body().contains("<mechanism>ANONYMOUS</mechanism>"),
                    session.body());
            assertThrows(IOException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), ports.prosodyHttp()).close(),
                    "prosody's HTTP listens on the xmpp host's address only");

            // The same over websocket: a guest logs in anonymously through nginx's address and joins the
            // room focus made (from jicofo's address), where it sees focus.
            EntityBareJid room = JidCreate.entityBareFrom("test@conference." + DOMAIN);
            MultiUserChatManager.getInstanceFor(focus).getMultiUserChat(room).join(Resourcepart.from("focus"));
            var guest = SiteServersTest.websocketGuest("wss://127.0.1.2:" + ports.https() + "/xmpp-websocket", DOMAIN);
            MultiUserChat joined = MultiUserChatManager.getInstanceFor(guest).getMultiUserChat(room);
            joined.join(Resourcepart.from("ws-guest"));
            assertTrue(SiteServersTest.waitFor(() -> joined.getOccupants().contains(JidCreate.entityFullFrom(room + "/focus"))),
                    "the websocket guest sees focus in its room: " + joined.getOccupants());
            guest.disconnect();

            // /colibri-ws/ID/ through nginx reaches the bridge with that server-id, on its address.
            for (String bridge : List.of("jvb1", "jvb2")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.1.2:" + ports.https()
                        + "/colibri-ws/" + bridge + "/endpoint-1?pwd=x")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(bridge + " /colibri-ws/" + bridge + "/endpoint-1?pwd=x", r.body());
            }
            for (XMPPTCPConnection c : List.of(focus, jvb1, jvb2)) {
                c.disconnect();
            }
        } finally {
            standIns.forEach(s -> s.stop(0));
            servers.forEach(SiteServersTest::stop);
        }
    }

    private static com.typesafe.config.Config hocon(Path file) throws IOException {
        return com.typesafe.config.ConfigFactory.parseString(Files.readString(file));
    }

    /** Logs in as the client configured at {@code path} of {@code file}, connecting from {@code from}. */
    private static XMPPTCPConnection login(Path file, String path, String from) throws Exception {
        var c = hocon(file).getConfig(path);
        String host = c.getString("hostname");
        XMPPTCPConnection x = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(c.getString("domain")).setHost(host).setPort(c.getInt("port"))
                .setSocketFactory(from(from))
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(c.getString("username"), c.getString("password"))
                // no resource of its own: prosody binds one, so that bridges sharing jvb's account do not collide
                .setConnectTimeout(10000).build());
        x.setReplyTimeout(10000);
        x.connect().login();
        return x;
    }

    /** Sockets bound to a host's own address, as that host's daemon connects. */
    private static SocketFactory from(String address) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(address, 0));
                return s;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void await(String address, int port) throws Exception {
        assertTrue(SiteServersTest.waitFor(() -> {
            try (Socket s = new Socket(address, port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }), address + ":" + port + " did not open: see " + tmp + "/*.log\n" + read(tmp.resolve("prosody.log"))
                + read(tmp.resolve("nginx.log")));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
