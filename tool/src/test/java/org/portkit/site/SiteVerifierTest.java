package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portkit.cli.Main;

/**
 * Each invariant of a site, caught in a configuration that breaks it, in an administrator's
 * words; and the valid variants an administrator or upstream writes, which must pass.
 */
class SiteVerifierTest {
    private static final String DOMAIN = "meet.example.org";

    @TempDir
    Path tmp;

    Path site;

    @BeforeEach
    void render() throws IOException {
        site = tmp.resolve("site");
        host(site, site.toString());
    }

    /**
     * A rendered site plus what the host's packages and jitsi-setup provide besides: the
     * certificate, the plugins' directory (net/jitsi/prosody-plugins).
     */
    static void host(Path dir, String prefix) throws IOException {
        host(dir, Site.Network.DIRECT, prefix);
    }

    static void host(Path dir, Site.Network network, String prefix) throws IOException {
        SiteRenderer.write(new Site(DOMAIN, network, Site.Ports.DEFAULT, prefix, SiteRenderer.newSecrets()), dir);
        provided(dir);
    }

    /** What the host adds to the rendered files: the certificate (jitsi-setup), the plugins' directory. */
    static void provided(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("etc/ssl/private"));
        Files.writeString(dir.resolve("etc/ssl/" + DOMAIN + ".fullchain.pem"), "certificate\n");
        Files.writeString(dir.resolve("etc/ssl/private/" + DOMAIN + ".key"), "key\n");
        Files.createDirectories(dir.resolve("usr/local/share/jitsi-prosody-plugins"));
    }

    @Test
    void renderedSiteIsCoherentAndHasNoPlaceholderLeft() throws IOException {
        assertEquals(List.of(), SiteVerifier.verify(site));
        for (SiteFile f : SiteTemplates.FILES) {
            String text = Files.readString(site.resolve(f.target()));
            assertFalse(text.matches("(?s).*@[A-Z][A-Z0-9_]*@.*"), f.target());
        }
        assertEquals(0, Main.run("verify-config", site.toString()));
        assertEquals(3, Main.run("render-config", DOMAIN, site.resolve("var/www/jitsi-meet/config.js").toString()),
                "never over a file");
        assertEquals(3, Main.run("render-config", DOMAIN, site.toString()), "never over a site");
    }

    @Test
    void aSiteMadeForTheRootIsReadUnderTheDirectoryVerified() throws IOException {
        Path copy = tmp.resolve("copy");
        host(copy, "");
        assertTrue(Files.readString(copy.resolve("etc/prosody/jitsi-meet.cfg.lua")).contains("data_path = \"/var/prosody\""));
        assertTrue(Files.readString(copy.resolve("etc/prosody/prosody.cfg.lua")).contains("Include \"/etc/prosody/jitsi-meet.cfg.lua\""));
        assertEquals(List.of(), SiteVerifier.verify(copy), "its /var/prosody is copy/var/prosody, not the host's");
        Files.delete(copy.resolve("var/prosody/" + ProsodyRoster.path("auth." + DOMAIN, "focus")));
        assertEquals(1, SiteVerifier.verify(copy).size(), SiteVerifier.verify(copy).toString());
    }

    @Test
    void oneDomainEverywhere() throws IOException {
        edit("var/www/jitsi-meet/config.js", "domain: 'meet.example.org'", "domain: 'jitsi.example.org'");
        edit("etc/nginx/jitsi-meet.conf", "server_name meet.example.org;\n    ssl", "server_name www.example.org;\n    ssl");
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
    void tlsAgreesBetweenProsodyAndJicofo() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "c2s_require_encryption = false", "c2s_require_encryption = true");
        assertFinding("tls", "jicofo logs in without TLS (xmpp.client.use-tls = false), but prosody requires encryption");
    }

    @Test
    void tlsAgreesBetweenProsodyAndTheBridge() throws IOException {
        edit("etc/jvb/jvb.conf", "\"muc_nickname\"=", "security_mode=required\n                    \"muc_nickname\"=");
        assertFinding("tls", "the bridge (xmpp-client localhost) requires TLS (security_mode = required), but prosody has no"
                + " ssl certificate configured for auth.meet.example.org");
    }

    @Test
    void jicofoStartsTlsUnlessTold() throws IOException {
        edit("etc/jicofo/jicofo.conf", "use-tls=false", "use-tls=true");
        assertFinding("tls", "jicofo starts TLS on c2s (xmpp.client.use-tls, on unless set), but prosody has no ssl certificate");
    }

    @Test
    void tlsIsRequiredWhenUnset() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "c2s_require_encryption = false\n", "");
        assertFinding("tls", "c2s_require_encryption, on unless set to false");
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
    void focusRosterHoldsTheProxy() throws IOException {
        Files.delete(site.resolve("var/prosody/" + ProsodyRoster.path("auth." + DOMAIN, "focus")));
        assertFinding("focus", "does not give focus.meet.example.org its presence, so the proxy answers every conference"
                + " request with service-unavailable: run prosodyctl mod_roster_command subscribe focus.meet.example.org"
                + " focus@auth.meet.example.org");
    }

    @Test
    void theWebAppsFocusIsAClientProxyToJicofo() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "Component \"focus.meet.example.org\" \"client_proxy\"",
                "Component \"focus.meet.example.org\" \"muc\"");
        assertFinding("focus", "the web app sends conference requests to focus.meet.example.org, which is not a prosody"
                + " Component \"focus.meet.example.org\" \"client_proxy\"");
    }

    @Test
    void theProxyTargetsJicofosAccount() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "target_address = \"focus@auth.meet.example.org\"",
                "target_address = \"jicofo@auth.meet.example.org\"");
        edit("etc/jicofo/jicofo.conf", "client-proxy=\"focus.meet.example.org\"", "client-proxy=\"proxy.meet.example.org\"");
        assertFinding("focus", "the target_address of focus.meet.example.org is jicofo@auth.meet.example.org, expected"
                + " focus@auth.meet.example.org");
        assertFinding("focus", "jicofo's xmpp.client.client-proxy (whose forwarded requests it trusts) is"
                + " proxy.meet.example.org, expected focus.meet.example.org");
    }

    @Test
    void theWebAppsDefaultFocusIsAClientProxy() throws IOException {
        edit("var/www/jitsi-meet/config.js", "        focus: 'focus.meet.example.org'\n", "");
        edit("var/www/jitsi-meet/config.js", "muc: 'conference.meet.example.org',", "muc: 'conference.meet.example.org'");
        assertEquals(List.of(), SiteVerifier.verify(site), "the app's default, focus.DOMAIN");
        edit("etc/prosody/jitsi-meet.cfg.lua", "Component \"focus.meet.example.org\" \"client_proxy\"",
                "Component \"jicofo.meet.example.org\" \"client_proxy\"");
        assertFinding("focus", "the web app sends conference requests to focus.meet.example.org, which is not");
    }

    @Test
    void theWebAppsFocusIsNamed() throws IOException {
        edit("var/www/jitsi-meet/config.js", "focus: 'focus.meet.example.org'", "focus: 'jicofo.meet.example.org'");
        assertFinding("focus", "the web app sends conference requests to jicofo.meet.example.org, which is not");
    }

    @Test
    void onlyFocusCreatesConferenceRooms() throws IOException {
        String cfg = Files.readString(site.resolve("etc/prosody/jitsi-meet.cfg.lua"));
        String conference = cfg.substring(cfg.indexOf("Component \"conference."), cfg.indexOf("-- Breakout rooms"));
        edit("etc/prosody/jitsi-meet.cfg.lua", conference, conference.replace("    restrict_room_creation = true\n", "")
                .replace("    admins = { \"focus@auth.meet.example.org\" }\n", ""));
        assertFinding("rooms", "anyone can create rooms on conference.meet.example.org");
        assertFinding("rooms", "focus@auth.meet.example.org is not an admin of conference.meet.example.org");
    }

    @Test
    void breweryIsOneRoomOnTheInternalMuc() throws IOException {
        edit("etc/jvb/jvb.conf", "\"JvbBrewery@internal.auth.meet.example.org\"", "\"Brewery@internal.auth.meet.example.org\"");
        assertFinding("brewery", "muc_jids (the room it announces itself in) is Brewery@internal.auth.meet.example.org,"
                + " expected JvbBrewery@internal.auth.meet.example.org");
        edit("etc/prosody/jitsi-meet.cfg.lua", "Component \"internal.auth.meet.example.org\" \"muc\"",
                "Component \"internal.auth.meet.example.org\"");
        assertFinding("brewery", "which is not a prosody Component \"internal.auth.meet.example.org\" \"muc\"");
    }

    @Test
    void breweryIsClosedToGuests() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "    muc_room_default_members_only = true\n", "");
        assertFinding("brewery", "the brewery's MUC internal.auth.meet.example.org is open to guests");
    }

    @Test
    void webAppReachesProsodyThroughNginx() throws IOException {
        edit("etc/nginx/jitsi-meet.conf", "127.0.0.1:5280/http-bind", "127.0.0.1:5281/http-bind");
        edit("etc/prosody/jitsi-meet.cfg.lua", "modules_enabled = { \"bosh\"; \"websocket\"; \"ping\"; \"external_services\"",
                "modules_enabled = { \"bosh\"; \"ping\"; \"external_services\"");
        edit("etc/prosody/jitsi-meet.cfg.lua", "\"bosh\"; \"websocket\"; \"smacks\" }", "\"bosh\"; \"smacks\" }");
        assertFinding("web-xmpp", "nginx sends /http-bind to http://127.0.0.1:5281/http-bind, but prosody's HTTP is"
                + " http://127.0.0.1:5280/http-bind");
        assertFinding("web-xmpp", "prosody does not load mod_websocket for meet.example.org");
    }

    @Test
    void configJsThatDoesNotRunIsCaught() throws IOException {
        edit("var/www/jitsi-meet/config.js", "enableWelcomePage: true", "enableWelcomePage: true,,");
        assertFinding("web-app", "does not run as JavaScript");
        assertEquals(1, SiteVerifier.verify(site).size(), "said once, not again as every setting it would have made");
    }

    @Test
    void configJsIsIncludedBySsi() throws IOException {
        edit("etc/nginx/jitsi-meet.conf", "    ssi on;\n", "");
        assertFinding("ssi", "nginx's TLS server has ssi off: index.html includes config.js");
    }

    @Test
    void ssiCoversJavaScript() throws IOException {
        edit("etc/nginx/jitsi-meet.conf", "    ssi_types application/javascript;\n", "");
        assertFinding("ssi", "nginx runs SSI in text/html only");
    }

    @Test
    void everyRoomNameIsServed() throws IOException {
        edit("etc/nginx/jitsi-meet.conf", "location ~ ^/([^/?&:'\"]+)$ {", "location ~ ^/([a-zA-Z0-9=?]+)$ {");
        assertFinding("room-urls", "nginx does not serve the app for the room /my-room (no location matches it)");
        assertFinding("room-urls", "nginx does not serve the app for the room /caf\u00e9");
        assertFinding("room-urls", "/team_sync");
    }

    @Test
    void externalApiIsServed() throws IOException {
        edit("etc/nginx/jitsi-meet.conf", "location = /external_api.js {", "location = /external-api.js {");
        assertFinding("room-urls", "nginx does not alias /external_api.js");
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
        edit("etc/nginx/jitsi-meet.conf", "proxy_pass http://127.0.0.1:9090/", "proxy_pass http://127.0.0.1:9091/");
        assertFinding("colibri", "nginx sends /colibri-ws/ to http://127.0.0.1:9091/colibri-ws/jvb-localhost/$1$is_args$args,"
                + " but the bridge's public HTTP server is on port 9090");
    }

    @Test
    void colibriLocationFollowsTheServerId() throws IOException {
        edit("etc/jvb/jvb.conf", "server-id=\"jvb-localhost\"", "server-id=\"jvb1\"");
        assertFinding("colibri", "nginx has no location for /colibri-ws/jvb1/endpoint-1 (the bridge's server-id is jvb1)");
    }

    @Test
    void certificatesAndDirectoriesArePresent() throws IOException {
        Files.delete(site.resolve("etc/ssl/" + DOMAIN + ".fullchain.pem"));
        Files.delete(site.resolve("var/www/logs"));
        Files.delete(site.resolve("var/www/acme"));
        assertFinding("files", "nginx's ssl_certificate " + site.resolve("etc/ssl/" + DOMAIN + ".fullchain.pem")
                + " does not exist: nginx does not start");
        assertFinding("files", "nginx's error_log is in " + site.resolve("var/www/logs") + ", which does not exist");
        assertFinding("files", "nginx's alias is in " + site.resolve("var/www/acme"));
    }

    @Test
    void nginxsIncludesArePresent() throws IOException {
        Files.delete(site.resolve("etc/nginx/jitsi-meet.conf"));
        assertFinding("files", "nginx.conf includes " + site.resolve("etc/nginx/jitsi-meet.conf") + ", which does not exist");
    }

    /** OpenBSD's stock nginx.conf with jitsi-setup's include: its own server stays, mime.types from its directory. */
    @Test
    void anAdministratorsNginxConfWithTheIncludeVerifies() throws IOException {
        Files.writeString(site.resolve("etc/nginx/mime.types"), "types {\n    text/html html;\n    application/javascript js;\n}\n");
        Files.writeString(site.resolve("etc/nginx/nginx.conf"), "worker_processes  1;\nevents {\n    worker_connections  800;\n}\n"
                + "http {\n    include " + site.resolve("etc/nginx/jitsi-meet.conf") + ";\n    include       mime.types;\n"
                + "    server {\n        listen       80;\n        server_name  localhost;\n        root         /var/www/htdocs;\n"
                + "    }\n}\n");
        assertEquals(List.of(), SiteVerifier.verify(site));
    }

    @Test
    void prosodysDataIsPresent() throws IOException {
        org.portkit.io.AtomicFiles.deleteTree(site.resolve("var/prosody"));
        assertFinding("files", "prosody's data_path is in " + site.resolve("var/prosody") + ", which does not exist");
        assertFinding("accounts", "which has no prosody account");
    }

    @Test
    void onlyNginxAndTheMediaPortFaceTheNetwork() throws IOException {
        edit("etc/prosody/jitsi-meet.cfg.lua", "c2s_interfaces = { \"127.0.0.1\" }", "c2s_interfaces = { \"*\" }");
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
    void nginxKeepsItsFlagsAndItsChroot() throws IOException {
        Files.writeString(site.resolve("etc/jitsi/rcctl.sh"), "rcctl set nginx flags -u\n", java.nio.file.StandardOpenOption.APPEND);
        assertFinding("rc", "\"rcctl set nginx flags -u\" replaces whatever flags the administrator gave nginx, and -u"
                + " takes nginx out of its /var/www chroot");
    }

    @Test
    void unknownDaemonKeysAreNamed() throws IOException {
        edit("etc/jvb/jvb.conf", "\"muc_nickname\"=", "use_tls=false\n                    \"muc_nickname\"=");
        edit("etc/jicofo/jicofo.conf", "client-proxy=", "clientproxy=\"x\"\n                client-proxy=");
        assertFinding("keys", "jvb.conf: videobridge.apis.xmpp-client.configs.localhost.use_tls is not a setting the bridge"
                + " knows; it is ignored");
        assertFinding("keys", "jicofo.conf: jicofo.xmpp.client.clientproxy is not a setting jicofo knows");
    }

    @Test
    void behindNatTheBridgeGetsItsMappingAndStaysCoherent() throws IOException {
        Path nat = tmp.resolve("nat");
        SiteRenderer.write(new Site(DOMAIN, new Site.Network(new Site.Nat("10.0.0.5", "203.0.113.7"), null, null), Site.Ports.DEFAULT, nat.toString(),
                SiteRenderer.newSecrets()), nat);
        String jvb = Files.readString(nat.resolve("etc/jvb/jvb.conf"));
        assertTrue(jvb.contains("public-address=\"203.0.113.7\""), jvb);
        assertEquals("10.0.0.5", com.typesafe.config.ConfigFactory.parseString(jvb)
                .getConfigList("ice4j.harvest.mapping.static-mappings").get(0).getString("local-address"));
    }

    @Test
    void turnCredentialsNeedTheSharedSecret() throws IOException {
        site = tmp.resolve("turn");
        host(site, new Site.Network(null, "stun.example.org:3478", "turn.example.org"), site.toString());
        assertEquals(List.of(), SiteVerifier.verify(site));
        assertTrue(Files.readString(site.resolve("etc/jvb/jvb.conf")).contains("\"stun.example.org:3478\""));
        String cfg = Files.readString(site.resolve("etc/prosody/jitsi-meet.cfg.lua"));
        edit("etc/prosody/jitsi-meet.cfg.lua", cfg.substring(cfg.indexOf("external_service_secret = "),
                cfg.indexOf('\n', cfg.indexOf("external_service_secret = ")) + 1), "");
        assertFinding("turn", "the turn server turn.example.org takes credentials from a shared secret, but prosody has no"
                + " external_service_secret");
    }

    /**
     * config.js as upstream writes it: SSI-set variables and their fallback, concatenation,
     * comments, trailing commas, settings added after the object; hosts.focus and the websocket URL
     * left out (the app defaults to focus.DOMAIN and BOSH).
     */
    @Test
    void anUpstreamStyleConfigJsVerifies() throws IOException {
        Files.writeString(site.resolve("var/www/jitsi-meet/config.js"), """
                /* eslint-disable comma-dangle, no-unused-vars, no-var, prefer-template, vars-on-top */
                var subdir = '<!--# echo var="subdir" default="" -->';
                var subdomain = '<!--# echo var="subdomain" default="" -->';

                if (subdomain) {
                    subdomain = subdomain.substring(0, subdomain.length - 1).split('.')
                        .join('_')
                        .toLowerCase() + '.';
                }

                // In case of no ssi provided by the webserver, use empty strings
                if (subdir.startsWith('<!--')) {
                    subdir = '';
                }
                if (subdomain.startsWith('<!--')) {
                    subdomain = '';
                }

                var enableJaaS = false;

                var config = {
                    hosts: {
                        // XMPP domain.
                        domain: 'meet.example.org',

                        // Focus component domain. Defaults to focus.<domain>.
                        // focus: 'focus.meet.example.org',

                        muc: 'conference.' + subdomain + 'meet.example.org',
                    },
                    bosh: 'https://meet.example.org/' + subdir + 'http-bind',
                    // websocket: 'wss://meet.example.org/' + subdir + 'xmpp-websocket',
                    testing: { p2pTestMode: false },
                    p2p: { enabled: true, stunServers: [ { urls: 'stun:meet-jit-si-turnrelay.jitsi.net:443' } ] },
                    lastNLimits: { 5: 20, 30: 15 },
                    analytics: {},
                };

                // Temporary backwards compatibility with old mobile clients.
                config.flags = config.flags || {};
                config.flags.sourceNameSignaling = true;

                /* eslint-enable no-unused-vars, no-var */
                if (typeof module !== 'undefined') { module.exports = config; }
                """);
        assertEquals(List.of(), SiteVerifier.verify(site));
    }

    /** Debian's layout: global settings in prosody.cfg.lua, the domain's hosts in conf.d, after a host of its own. */
    @Test
    void prosodysIncludeIsFollowed() throws IOException {
        String text = Files.readString(site.resolve("etc/prosody/jitsi-meet.cfg.lua"));
        int hosts = text.indexOf("-- The conference domain");
        Files.createDirectories(site.resolve("etc/prosody/conf.d"));
        Files.writeString(site.resolve("etc/prosody/conf.d/" + DOMAIN + ".cfg.lua"), text.substring(hosts));
        Files.writeString(site.resolve("etc/prosody/conf.d/.hidden.cfg.lua"), "error('never read')\n");
        Files.delete(site.resolve("etc/prosody/jitsi-meet.cfg.lua"));
        Files.writeString(site.resolve("etc/prosody/prosody.cfg.lua"), "c2s_require_encryption = true\n"
                + text.substring(0, hosts) + "VirtualHost \"localhost\"\nInclude \"conf.d/*.cfg.lua\"\n");
        assertEquals(List.of(), SiteVerifier.verify(site));
    }

    @Test
    void jidsCompareWithoutCaseAndJitsiAnonymousIsAnonymous() throws IOException {
        edit("etc/jvb/jvb.conf", "\"JvbBrewery@internal.auth.meet.example.org\"", "\"jvbbrewery@internal.auth.meet.example.org\"");
        edit("etc/prosody/jitsi-meet.cfg.lua", "authentication = \"anonymous\"", "authentication = \"jitsi-anonymous\"");
        edit("etc/prosody/jitsi-meet.cfg.lua", "target_address = \"focus@auth.meet.example.org\"",
                "target_address = \"Focus@auth.meet.example.org\"");
        assertEquals(List.of(), SiteVerifier.verify(site));
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
