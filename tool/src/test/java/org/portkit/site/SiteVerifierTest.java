package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;
import org.portkit.io.AtomicFiles;

/** Each invariant of a site, caught in a configuration that breaks it, in an administrator's words. */
class SiteVerifierTest {
    @TempDir
    Path tmp;

    Path site;

    @BeforeEach
    void render() throws IOException {
        site = tmp.resolve("site");
        Map<String, String> files = SiteRenderer.render(new Site("meet.example.org", null, Site.Ports.DEFAULT,
                site.toString(), SiteRenderer.newSecrets()));
        AtomicFiles.writeTree(files, site, p -> "rw-------");
    }

    @Test
    void renderedSiteIsCoherentAndHasNoPlaceholderLeft() throws IOException {
        assertEquals(List.of(), SiteVerifier.verify(site));
        for (SiteFile f : SiteTemplates.FILES) {
            String text = Files.readString(site.resolve(f.target()));
            assertFalse(text.matches("(?s).*@[A-Z][A-Z0-9_]*@.*"), f.target());
        }
        assertEquals(0, Main.run("verify-config", site.toString()));
        assertEquals(3, Main.run("render-config", "meet.example.org", site.resolve("etc/jitsi/config.js").toString()),
                "never over a file");
        assertEquals(3, Main.run("render-config", "meet.example.org", site.toString()), "never over a site");
    }

    @Test
    void oneDomainEverywhere() throws IOException {
        edit("etc/jitsi/config.js", "\"domain\": \"meet.example.org\"", "\"domain\": \"jitsi.example.org\"");
        edit("etc/nginx/nginx.conf", "server_name meet.example.org;\n        ssl", "server_name www.example.org;\n        ssl");
        assertFinding("domain", "the web app's hosts.domain (config.js) is jitsi.example.org, expected meet.example.org");
        assertFinding("domain", "nginx's TLS server answers to [www.example.org], not to meet.example.org");
        assertEquals(10, Main.run("verify-config", site.toString()), "a distinct exit status");
    }

    @Test
    void daemonsLogInOnLocalhostIntoTheAuthHost() throws IOException {
        edit("etc/jicofo/jicofo.conf", "domain=\"auth.meet.example.org\"", "domain=\"meet.example.org\"");
        edit("etc/jvb/jvb.conf", "hostname=localhost", "hostname=\"meet.example.org\"");
        assertFinding("xmpp-host", "jicofo's XMPP domain (the VirtualHost it logs in to) is meet.example.org, expected auth.meet.example.org");
        assertFinding("xmpp-host", "connects to XMPP host meet.example.org");
    }

    @Test
    void passwordsAgreeWithProsodysAccounts() throws IOException {
        String conf = Files.readString(site.resolve("etc/jvb/jvb.conf"));
        edit("etc/jvb/jvb.conf", conf.replaceAll("(?s).*password=\"([0-9a-f]+)\".*", "$1"), "0123456789abcdef0123456789abcdef");
        assertFinding("accounts", "the bridge (xmpp-client localhost)'s password for jvb@auth.meet.example.org is not the one prosody has");
        Files.delete(site.resolve("var/prosody/" + ProsodyAccounts.path("auth.meet.example.org", "focus")));
        assertFinding("accounts", "jicofo logs in as focus@auth.meet.example.org, which has no prosody account");
    }

    @Test
    void breweryIsOneRoomOnTheInternalMuc() throws IOException {
        edit("etc/jvb/jvb.conf", "\"JvbBrewery@internal.auth.meet.example.org\"", "\"Brewery@internal.auth.meet.example.org\"");
        assertFinding("brewery", "muc_jids (the room it announces itself in) is Brewery@internal.auth.meet.example.org,"
                + " expected JvbBrewery@internal.auth.meet.example.org");
        edit("etc/prosody/prosody.cfg.lua", "Component \"internal.auth.meet.example.org\" \"muc\"",
                "Component \"internal.auth.meet.example.org\"");
        assertFinding("brewery", "which is not a prosody Component \"internal.auth.meet.example.org\" \"muc\"");
    }

    @Test
    void webAppReachesProsodyThroughNginx() throws IOException {
        edit("etc/nginx/nginx.conf", "127.0.0.1:5280/http-bind", "127.0.0.1:5281/http-bind");
        edit("etc/prosody/prosody.cfg.lua", "modules_enabled = { \"bosh\"; \"websocket\"; \"ping\" }",
                "modules_enabled = { \"bosh\"; \"ping\" }");
        edit("etc/prosody/prosody.cfg.lua", "\"bosh\"; \"websocket\" }", "\"bosh\" }");
        assertFinding("web-xmpp", "nginx sends /http-bind to http://127.0.0.1:5281/http-bind, but prosody's HTTP is"
                + " http://127.0.0.1:5280/http-bind");
        assertFinding("web-xmpp", "prosody does not load mod_websocket for meet.example.org");
    }

    @Test
    void sctpIsOffInBothDaemons() throws IOException {
        edit("etc/jicofo/jicofo.conf", "enabled=false", "enabled=true");
        String jvb = Files.readString(site.resolve("etc/jvb/jvb.conf"));
        Files.writeString(site.resolve("etc/jvb/jvb.conf"), jvb.replaceAll("(?s)sctp \\{.*?\\}", ""));
        assertFinding("sctp", "jicofo.sctp.enabled must be false");
        assertFinding("sctp", "videobridge.sctp.enabled must be false (it is on unless set)");
    }

    @Test
    void colibriWebsocketsGoThroughNginx() throws IOException {
        edit("etc/nginx/nginx.conf", "proxy_pass http://127.0.0.1:9090;", "proxy_pass http://127.0.0.1:9091;");
        assertFinding("colibri", "nginx sends /colibri-ws/ to http://127.0.0.1:9091, but the bridge's public HTTP server is on port 9090");
    }

    @Test
    void onlyNginxAndTheMediaPortFaceTheNetwork() throws IOException {
        edit("etc/prosody/prosody.cfg.lua", "c2s_interfaces = { \"127.0.0.1\" }", "c2s_interfaces = { \"*\" }");
        edit("etc/jitsi/pf.conf", "port 10000", "port { 10000 5222 }");
        edit("etc/jvb/jvb.conf", "host=\"127.0.0.1\"\n            port=\"8080\"", "host=\"0.0.0.0\"\n            port=\"8080\"");
        assertFinding("exposure", "prosody's c2s_interfaces is [*]: keep it on 127.0.0.1");
        assertFinding("exposure", "pf lets in udp [10000, 5222], but the bridge's media port is 10000");
        assertFinding("exposure", "the bridge's private HTTP server listens on 0.0.0.0");
    }

    @Test
    void prosodyStartsFirstAndJicofoTakesNoLegacyFlags() throws IOException {
        edit("etc/jitsi/rcctl.sh", "rcctl order prosody jicofo jvb nginx", "rcctl order jicofo jvb prosody nginx");
        edit("etc/jitsi/rcctl.sh", "rcctl set jicofo flags \"\"", "rcctl set jicofo flags \"--host=meet.example.org\"");
        assertFinding("rc", "rcctl order must start prosody before jicofo and jvb");
        assertFinding("rc", "jicofo's flags carry --host, an option of old jicofo releases");
    }

    @Test
    void behindNatTheBridgeGetsItsMappingAndStaysCoherent() throws IOException {
        Path nat = tmp.resolve("nat");
        AtomicFiles.writeTree(SiteRenderer.render(new Site("meet.example.org", new Site.Nat("10.0.0.5", "203.0.113.7"),
                Site.Ports.DEFAULT, nat.toString(), SiteRenderer.newSecrets())), nat, p -> "rw-------");
        String jvb = Files.readString(nat.resolve("etc/jvb/jvb.conf"));
        assertTrue(jvb.contains("public-address=\"203.0.113.7\""), jvb);
        assertEquals("10.0.0.5", com.typesafe.config.ConfigFactory.parseString(jvb)
                .getConfigList("ice4j.harvest.mapping.static-mappings").get(0).getString("local-address"));
        assertEquals(List.of(), SiteVerifier.verify(nat));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = site.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), file + " lacks: " + from + "\n" + text);
        Files.writeString(p, text.replace(from, to));
    }

    private void assertFinding(String check, String words) {
        List<SiteVerifier.Finding> findings = SiteVerifier.verify(site);
        assertTrue(findings.stream().anyMatch(f -> f.check().equals(check) && f.message().contains(words)),
                "expected " + check + ": " + words + "\n got " + findings);
    }
}
