package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
        provided(dir, "web", "xmpp");
    }

    /** What each host adds to its rendered files (SiteVerifierTest.provided), on every host named. */
    static void provided(Path dir, String... hosts) throws IOException {
        for (String h : hosts) {
            SiteVerifierTest.provided(dir.resolve(h));
        }
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
        provided(talk, "web", "xmpp");
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
        assertFinding("accounts", "jvb2: the bridge (xmpp-client localhost)'s password for jvb@auth.meet.example.org is not the"
                + " one prosody has (" + dir.resolve("xmpp/var/prosody/auth%2emeet%2eexample%2eorg/accounts/jvb.dat") + "): the"
                + " daemon cannot log in; copy the secrets file from the host that made them and run jitsi-setup --secrets again");
    }

    @Test
    void relaysAreConfiguredAlikeAndTheirFlowsPassed() throws IOException {
        edit("jvb2/etc/jitsi/pf.conf", "pass out proto udp from self port 10001", "");
        assertFinding("flows", "jvb2's bridge relays from its media port 10001, but jvb2's pf.conf does not pass out from self udp"
                + " port 10001");
        edit("vmm/etc/jitsi/pf.conf", "table <jitsi_bridges> const { 10.0.0.5 10.0.0.6 }", "table <jitsi_bridges> const { 10.0.0.5 }");
        assertFinding("flows", "vmm's pf table <jitsi_bridges> is [10.0.0.5], but the relaying bridges are [10.0.0.5, 10.0.0.6]:"
                + " each relays to the others from its address");
        edit("vmm/etc/jitsi/pf.conf", "pass in proto udp from <jitsi_bridges> to 10.0.0.5 port 10000\n", "");
        assertFinding("flows", "the other bridges relay to jvb1's media port 10000, but vmm's pf.conf does not pass forward udp"
                + " port 10000 <jitsi_bridges> to 10.0.0.5");
        edit("jvb1/etc/jitsi/hosts", "10.0.0.2\tmeet.example.org", "");
        assertFinding("flows", "jvb1's bridge opens the other bridges' relay websockets at meet.example.org:443, which its"
                + " etc/jitsi/hosts does not place at an nginx of the site (add \"10.0.0.2 meet.example.org\")");
        edit("web/etc/nginx/jitsi-meet.conf", "location ~ ^/colibri-relay-ws/jvb2/(.*)", "location ~ ^/colibri-relay-ws/jvb3/(.*)");
        assertFinding("colibri", "web's nginx has no location sending /colibri-relay-ws/jvb2/conference-1/relay-1 to jvb2"
                + " (http://10.0.0.6:9090/colibri-relay-ws/jvb2/)");
        edit("jvb2/etc/jvb/jvb.conf", "relay-id=\"jvb2\"", "relay-id=\"jvb1\"");
        assertFinding("relays", "jvb2's videobridge.relay.relay-id is jvb1, as jvb1's: each bridge relays under its own (its server-id)");
        edit("jicofo/etc/jicofo/jicofo.conf", "        enabled=true", "        enabled=false");
        assertFinding("relays", "jvb1's videobridge.relay.enabled is true but jicofo's octo.enabled is false: they must agree,"
                + " or jicofo asks bridges for relays they cannot make");
    }

    @Test
    void oneDomain() throws IOException {
        edit("web/etc/nginx/jitsi-meet.conf", "server_name meet.example.org;", "server_name meet.example.com;");
        assertFinding("domain", "web's nginx server_name is meet.example.com, expected meet.example.org: one domain for the whole site");
    }

    /**
     * Each class of the one-host invariants, broken on one host of the topology: verify-config
     * finds it on that host's part, named by the host ({file, text, replacement, check, finding}).
     */
    static Stream<Arguments> brokenHosts() {
        String prosody = "xmpp/etc/prosody/jitsi-meet.cfg.lua";
        String nginx = "web/etc/nginx/jitsi-meet.conf";
        String config = "web/var/www/jitsi-meet/config.js";
        return Stream.of(
                Arguments.of(prosody, "authentication = \"anonymous\"", "authentication = \"internal_plain\"", "domain",
                        "xmpp: prosody needs exactly one VirtualHost with authentication = \"anonymous\""),
                Arguments.of(prosody, "VirtualHost \"auth.meet.example.org\"\n    authentication = \"internal_hashed\"",
                        "VirtualHost \"auth.meet.example.org\"\n    authentication = \"anonymous\"", "xmpp-host",
                        "xmpp: prosody needs VirtualHost \"auth.meet.example.org\" with authentication = \"internal_hashed\""),
                Arguments.of("jvb2/etc/jvb/jvb.conf", "domain=\"auth.meet.example.org\"", "domain=\"meet.example.org\"", "xmpp-host",
                        "jvb2: the bridge (xmpp-client localhost)'s XMPP domain (the VirtualHost it logs in to) is meet.example.org,"
                        + " expected auth.meet.example.org"),
                Arguments.of("jicofo/etc/jicofo/jicofo.conf", "use-tls=false", "use-tls=true", "tls",
                        "jicofo: jicofo starts TLS on c2s"),
                Arguments.of("jvb1/etc/jvb/jvb.conf", "\"muc_jids\"=\"JvbBrewery@", "\"muc_jids\"=\"Other@", "brewery",
                        "jvb1: the bridge (xmpp-client localhost)'s muc_jids (the room it announces itself in) is"
                        + " Other@internal.auth.meet.example.org"),
                Arguments.of(prosody, "muc_room_default_members_only = true", "muc_room_default_members_only = false", "brewery",
                        "xmpp: the brewery's MUC internal.auth.meet.example.org is open to guests"),
                Arguments.of(prosody, "external_services = turn == \"\" and { } or {", "external_service_secret = \"\"\n"
                        + "external_services = {", "turn", "xmpp: the turn server  takes credentials from a shared secret"),
                Arguments.of(prosody, "    restrict_room_creation = true\n    admins = { \"focus@auth.meet.example.org\" }\n"
                        + "    storage = \"memory\"\n    modules_enabled = { \"muc_hide_all\"; \"muc_meeting_id\"",
                        "    admins = { \"focus@auth.meet.example.org\" }\n"
                        + "    storage = \"memory\"\n    modules_enabled = { \"muc_hide_all\"; \"muc_meeting_id\"", "rooms",
                        "xmpp: anyone can create rooms on conference.meet.example.org"),
                Arguments.of(prosody, "plugin_paths = { \"", "plugin_paths = { \"/nowhere\", \"", "files",
                        "xmpp: prosody's plugin_paths is in @ROOT@/nowhere, which does not exist"),
                Arguments.of(prosody, "s2s_ports = { }", "s2s_ports = { 5269 }\nmodules_disabled = { }", "exposure",
                        "xmpp: prosody federates (s2s is on)"),
                Arguments.of(config, "var config = {", "var config = {{", "web-app", "web: "),
                Arguments.of(config, "domain: 'meet.example.org'", "domain: 'jitsi.example.org'", "domain",
                        "web: the web app's hosts.domain (config.js) is jitsi.example.org, expected meet.example.org"),
                Arguments.of(config, "focus: 'focus.meet.example.org'", "focus: 'focus.example.org'", "focus",
                        "web: the web app sends conference requests to focus.example.org, which is not a prosody Component"),
                Arguments.of(nginx, "proxy_pass http://10.0.0.3:5280/xmpp-websocket;", "proxy_pass http://10.0.0.3:5281/xmpp-websocket;",
                        "web-xmpp", "web: nginx sends /xmpp-websocket to http://10.0.0.3:5281/xmpp-websocket, but prosody's HTTP is"
                        + " http://10.0.0.3:5280/xmpp-websocket"),
                Arguments.of(nginx, "ssi on;", "ssi off;", "ssi", "web: nginx's TLS server has ssi off"),
                Arguments.of(nginx, "location = /external_api.js {", "location = /external_api2.js {", "room-urls",
                        "web: nginx does not alias /external_api.js"),
                Arguments.of("jvb2/etc/jvb/jvb.conf", "enabled=false", "enabled=true", "sctp",
                        "jvb2: videobridge.sctp.enabled must be false"),
                Arguments.of("jicofo/etc/jicofo/jicofo.conf", "enabled=false", "enabled=true", "sctp",
                        "jicofo: jicofo.sctp.enabled must be false"),
                Arguments.of("jvb1/etc/jvb/jvb.conf", "tls=true", "tls=false", "colibri",
                        "jvb1: the bridge tells browsers to reach its websockets at wss://meet.example.org:443 (tls false)"),
                Arguments.of("jvb1/etc/jitsi/rcctl.sh", "rcctl order jvb", "rcctl order nginx", "rc",
                        "jvb1: rcctl order does not start jvb, which this host runs"),
                Arguments.of("jvb2/etc/jvb/jvb.conf", "tls=true", "tls=true\ntsl=true", "keys",
                        "jvb2: jvb.conf: videobridge.websockets.tsl is not a setting the bridge knows"));
    }

    @ParameterizedTest
    @MethodSource("brokenHosts")
    void eachHostsPartIsCheckedAsOnOneHost(String file, String from, String to, String check, String finding) throws IOException {
        edit(file, from, to);
        String expected = finding.replace("@ROOT@", dir.resolve("xmpp").toString());
        List<SiteVerifier.Finding> findings = TopologyVerifier.verify(dir);
        assertTrue(findings.stream().anyMatch(f -> f.check().equals(check) && f.message().startsWith(expected)),
                () -> "no \"" + check + ": " + expected + "...\" in " + findings);
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
