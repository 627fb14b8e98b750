package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;

/** Each cross-host invariant of a rendered topology, caught in one that breaks it. */
class TopologyVerifierTest {
    private static final String TWO_BRIDGES = TopologyTest.TALK.replace(
            "  vibri { address = 10.0.0.5, roles = [bridge], bridge { server-id = vibri } }",
            "  jvb1 { address = 10.0.0.5, roles = [bridge] }\n  jvb2 { address = 10.0.0.6, roles = [bridge], bridge { media-port = 10001 } }");

    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void render() throws IOException {
        dir = tmp.resolve("topology");
        TopologyRenderer.write(Topology.read(Path.of("two.conf"), TWO_BRIDGES), TWO_BRIDGES, Site.Network.DIRECT,
                Site.Ports.DEFAULT, host -> dir.toAbsolutePath() + "/" + host, SiteRenderer.newSecrets(), dir);
    }

    @Test
    void renderedTopologyIsCoherent() {
        assertEquals(List.of(), TopologyVerifier.verify(dir));
        assertEquals(0, Main.run("verify-config", dir.toString()));
    }

    @Test
    void theTalksLayoutReadsBackCoherent() throws IOException {
        Path talk = tmp.resolve("talk");
        assertEquals(0, Main.run("render-config", "meet.example.org", talk.toString(), "--topology",
                write("talk.conf", TopologyTest.TALK).toString()));
        assertEquals(List.of(), TopologyVerifier.verify(talk));
    }

    @Test
    void aFlowBothSidesMustPass() throws IOException {
        edit("xmpp/etc/jitsi/pf.conf", "pass in proto tcp from 10.0.0.2 to self port 5280\n", "");
        assertFinding("flows", "web's nginx (location = /http-bind) dials tcp 10.0.0.3:5280, but xmpp's pf.conf does not pass in"
                + " tcp port 5280 from 10.0.0.2");
        edit("vmm/etc/jitsi/pf.conf", "pass in proto tcp from 10.0.0.2 to 10.0.0.6 port 9090\n", "");
        assertFinding("flows", "web's nginx (location ~ ^/colibri-ws/jvb2/(.*)) dials tcp 10.0.0.6:9090, but vmm's pf.conf does"
                + " not pass forward tcp port 9090 10.0.0.2 to 10.0.0.6");
    }

    @Test
    void nothingElseFacesTheNetwork() throws IOException {
        edit("jicofo/etc/jitsi/pf.conf", "pass out proto tcp to 10.0.0.3 port 5222", "pass out proto tcp to 10.0.0.3 port 5222\n"
                + "pass in proto tcp to port 8888");
        assertFinding("exposure", "jicofo's pf.conf passes in tcp port 8888 from anywhere, a flow no host of the site needs: remove it");
    }

    @Test
    void whatOnlyItsHostUsesStaysOnLoopback() throws IOException {
        edit("jicofo/etc/jicofo/jicofo.conf", "host=\"127.0.0.1\"", "host=\"10.0.0.4\"");
        assertFinding("exposure", "jicofo's jicofo REST API listens on 10.0.0.4: keep it on 127.0.0.1");
    }

    @Test
    void anAddressDialledIsOneAHostListensOn() throws IOException {
        edit("jicofo/etc/jicofo/jicofo.conf", "hostname=\"10.0.0.3\"", "hostname=\"10.0.0.9\"");
        assertFinding("flows", "jicofo's jicofo dials tcp 10.0.0.9:5222, which is no host of the topology");
        edit("xmpp/etc/prosody/jitsi-meet.cfg.lua", "c2s_interfaces = { \"10.0.0.3\" }", "c2s_interfaces = { \"127.0.0.1\" }");
        assertFinding("flows", "jvb1's bridge dials tcp 10.0.0.3:5222, where xmpp does not listen (it listens on"
                + " [tcp 127.0.0.1:5222, tcp 10.0.0.3:5280])");
    }

    @Test
    void serverIdsAreUniqueAndProxiedToTheirBridge() throws IOException {
        edit("jvb2/etc/jvb/jvb.conf", "server-id=\"jvb2\"", "server-id=\"jvb1\"");
        assertFinding("colibri", "jvb2 and jvb1 have the same server-id jvb1: nginx cannot tell their websockets apart");
        assertFinding("colibri", "web's nginx has no location sending /colibri-ws/jvb1/endpoint-1 to jvb2"
                + " (http://10.0.0.6:9090/colibri-ws/jvb1/)");
    }

    @Test
    void passwordsAgreeAcrossHosts() throws IOException {
        String jvb = Files.readString(dir.resolve("jvb2/etc/jvb/jvb.conf"));
        String password = jvb.replaceFirst("(?s).*password=\"([^\"]+)\".*", "$1");
        edit("jvb2/etc/jvb/jvb.conf", password, "0123456789abcdef0123456789abcdef");
        assertFinding("accounts", "jvb2's the bridge password for jvb@auth.meet.example.org is not the one prosody on xmpp has:"
                + " copy the secrets file from the host that made them");
    }

    @Test
    void oneDomain() throws IOException {
        edit("web/etc/nginx/jitsi-meet.conf", "server_name meet.example.org;", "server_name meet.example.com;");
        assertFinding("domain", "web's nginx server_name is meet.example.com, expected meet.example.org: one domain for the whole site");
    }

    private void assertFinding(String check, String message) {
        List<SiteVerifier.Finding> findings = TopologyVerifier.verify(dir);
        assertTrue(findings.contains(new SiteVerifier.Finding(check, message)), () -> "no \"" + check + ": " + message + "\" in "
                + findings);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), file + " lacks: " + from);
        Files.writeString(f, text.replace(from, to));
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
