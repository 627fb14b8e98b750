package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPException;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.portkit.io.AtomicFiles;

/**
 * A rendered site against the real servers: Debian's prosody and nginx, started on loopback
 * under a temporary prefix with the files render-config writes, and Smack as the daemons and the
 * web app would use XMPP. CI installs both servers (.ci/run); elsewhere the test says it skipped.
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
        Site site = new Site(DOMAIN, null, new Site.Ports("127.0.0.1:", freePort(), freePort(), freePort(), freePort(),
                10000, 9090, 8080, 8888), tmp.toString(), SiteRenderer.newSecrets());
        AtomicFiles.writeTree(SiteRenderer.render(site), tmp, p -> "rw-------");
        assertEquals(List.of(), SiteVerifier.verify(tmp), "the set under test is coherent");
        trust(certificate());
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

            // Guests, anonymously, through nginx over BOSH and over websocket, in one conference room.
            EntityBareJid room = JidCreate.entityBareFrom("test@conference." + DOMAIN);
            XMPPBOSHConnection bosh = new XMPPBOSHConnection(BOSHConfiguration.builder().setUseHttps(true)
                    .setHost("localhost").setPort(site.ports().https()).setFile("/http-bind").setXmppDomain(DOMAIN)
                    .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled).performSaslAnonymousAuthentication()
                    .build());
            bosh.connect().login();
            MultiUserChatManager.getInstanceFor(bosh).getMultiUserChat(room).join(Resourcepart.from("bosh-guest"));

            var ws = ModularXmppClientToServerConnectionConfiguration.builder();
            ws.removeAllModules();
            XmppWebSocketTransportModuleDescriptor.getBuilder(ws).explicitlySetWebSocketEndpointAndDiscovery(
                    URI.create("wss://127.0.0.1:" + site.ports().https() + "/xmpp-websocket"), false).buildModule();
            ws.setXmppDomain(DOMAIN).performSaslAnonymousAuthentication();
            ModularXmppClientToServerConnection websocket = new ModularXmppClientToServerConnection(ws.build());
            websocket.connect().login();
            MultiUserChat guests = MultiUserChatManager.getInstanceFor(websocket).getMultiUserChat(room);
            guests.join(Resourcepart.from("ws-guest"));
            assertTrue(waitFor(() -> guests.getOccupants().contains(JidCreate.entityFullFrom(room + "/bosh-guest"))),
                    "both guests are in the room: " + guests.getOccupants());

            // A wrong password, and a guest at the brewery's door, are refused.
            assertThrows(SASLErrorException.class, () -> tcp(site, "focus", "0" + focusPassword.substring(1)));
            XMPPException.XMPPErrorException intruder = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> MultiUserChatManager.getInstanceFor(bosh).getMultiUserChat(brewery)
                            .join(Resourcepart.from("intruder")));
            assertTrue(intruder.getStanzaError().getCondition().toString().contains("registration"),
                    intruder.getStanzaError().toString());

            for (AbstractXMPPConnection c : List.of(focus, jvb, bosh)) {
                c.disconnect();
            }
            websocket.disconnect();
        } finally {
            servers.forEach(SiteServersTest::stop);
        }
    }

    private static void requireServers() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/prosody")) && Files.isExecutable(Path.of("/usr/sbin/nginx"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install prosody and nginx (.ci/run does, from Debian)");
        }
        Assumptions.assumeTrue(present, "SKIPPED: prosody and nginx are not installed (apt-get install prosody nginx-light)");
    }

    private void start(Site site) throws Exception {
        Path prosodyConfig = tmp.resolve("etc/prosody/prosody.cfg.lua");
        if ("root".equals(System.getProperty("user.name"))) {
            // CI runs as root; prosody refuses that (and hangs) unless told. Nothing else differs.
            Files.writeString(prosodyConfig, "run_as_root = true\n" + Files.readString(prosodyConfig));
        }
        Files.createDirectories(tmp.resolve("etc/prosody/certs"));
        // What the host has already: /var/run and /var/log/nginx.
        Files.createDirectories(tmp.resolve("var/run"));
        Files.createDirectories(tmp.resolve("var/log/nginx"));
        servers.add(process(tmp.resolve("prosody.log"), "prosody", "-F", "--config", prosodyConfig.toString()));
        servers.add(process(tmp.resolve("nginx.log"), "nginx", "-p", tmp.toString(), "-c",
                tmp.resolve("etc/nginx/nginx.conf").toString(), "-g", "daemon off; user root;"));
        for (int port : new int[] {site.ports().c2s(), site.ports().prosodyHttp(), site.ports().https()}) {
            assertTrue(waitFor(() -> listening(port)), "port " + port + " did not open: see " + tmp + "/*.log\n"
                    + Files.readString(tmp.resolve("prosody.log")) + Files.readString(tmp.resolve("nginx.log")));
        }
    }

    private Process process(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process p) {
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

    /** A self-signed certificate for the domain, where the site's nginx looks for it. */
    private Path certificate() throws Exception {
        Path cert = tmp.resolve("etc/ssl/" + DOMAIN + ".fullchain.pem");
        Path key = tmp.resolve("etc/ssl/private/" + DOMAIN + ".key");
        Files.createDirectories(key.getParent());
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + DOMAIN, "-addext", "subjectAltName=DNS:" + DOMAIN + ",DNS:localhost,IP:127.0.0.1",
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
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib/security/cacerts"))) {
            store.load(in, "changeit".toCharArray());
        }
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("portkit-site-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = tmp.resolve("truststore.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLContext.setDefault(ctx);
    }

    private static int freePort() throws IOException {
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

    private static boolean waitFor(Condition c) throws Exception {
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
