package org.portkit.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The talk's 4-VM layout rendered from one description: each host's files are its roles' only,
 * and its pf rules pass each flow the talk's rules allow and nothing else.
 */
class TopologyTest {
    static final String TALK = """
            domain = meet.example.org
            public-address = 203.0.113.7
            router { name = vmm, address = 10.0.0.1, resolver = 10.0.0.1 }
            hosts {
              web { address = 10.0.0.2, roles = [web] }
              xmpp { address = 10.0.0.3, roles = [xmpp] }
              jicofo { address = 10.0.0.4, roles = [focus] }
              vibri { address = 10.0.0.5, roles = [bridge], bridge { server-id = vibri } }
            }
            """;

    static SortedMap<String, String> render(String description) {
        return TopologyRenderer.render(Topology.read(Path.of("talk.conf"), description), description, Site.Network.DIRECT,
                Site.Ports.DEFAULT, host -> "", SiteRenderer.newSecrets());
    }

    private static List<String> rules(SortedMap<String, String> files, String host) {
        return files.get(host + "/etc/jitsi/pf.conf").lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void eachVmPassesTheTalksFlowsAndNothingElse() {
        SortedMap<String, String> files = render(TALK);
        // The talk's rules per VM, with the addresses for its names; its "# debug" 5280 from any
        // and the bridge's legacy component ports 5280 and 5347 left out (today's bridge logs in on
        // c2s only). One flow more than the talk's: nginx to the bridge's colibri websockets,
        // which the talk left open ("maybe websockets XXX-colibri?"), its data channels with SCTP off.
        assertEquals(List.of("pass in proto tcp to port { 80 443 }",
                "pass out proto tcp to 10.0.0.3 port 5280",
                "pass out proto tcp to 10.0.0.5 port 9090"), rules(files, "web"));
        assertEquals(List.of("pass in proto tcp from { 10.0.0.4 10.0.0.5 } to self port 5222",
                "pass in proto tcp from 10.0.0.2 to self port 5280"), rules(files, "xmpp"));
        assertEquals(List.of("pass in proto udp to port 10000",
                "pass in proto tcp from 10.0.0.2 to self port 9090",
                "pass out proto tcp to 10.0.0.3 port 5222"), rules(files, "vibri"));
        assertEquals(List.of("pass out proto tcp to 10.0.0.3 port 5222"), rules(files, "jicofo"));
        assertEquals(List.of("pass in on egress proto tcp to port { 80 443 } rdr-to 10.0.0.2",
                "pass in on egress proto udp to port 10000 rdr-to 10.0.0.5",
                "pass in proto tcp from { 10.0.0.4 10.0.0.5 } to 10.0.0.3 port 5222",
                "pass in proto tcp from 10.0.0.2 to 10.0.0.3 port 5280",
                "pass in proto tcp from 10.0.0.2 to 10.0.0.5 port 9090",
                "pass in proto { udp tcp } from { 10.0.0.4 10.0.0.5 10.0.0.2 10.0.0.3 } to any port domain rdr-to 10.0.0.1"),
                rules(files, "vmm"));
        String vms = files.get("vmm/etc/vm.conf");
        for (String vm : List.of("web", "xmpp", "jicofo", "vibri")) {
            assertTrue(vms.contains("vm \"" + vm + "\" {\n\tmemory 2G\n\tdisk \"/var/vmm/" + vm + ".qcow2\"\n"), vm);
        }
        assertEquals(4, vms.split("\nvm ").length - 1, "one VM per host, none for the router");
    }

    @Test
    void eachHostHasItsRolesFilesOnly() {
        SortedMap<String, String> files = render(TALK);
        TreeSet<String> hosts = new TreeSet<>();
        files.keySet().forEach(p -> hosts.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : p));
        assertEquals(new TreeSet<>(List.of("jicofo", "topology.conf", "vibri", "vmm", "web", "xmpp")), hosts);
        assertTrue(files.containsKey("xmpp/etc/prosody/jitsi-meet.cfg.lua"));
        assertFalse(files.containsKey("web/etc/prosody/jitsi-meet.cfg.lua"));
        assertFalse(files.containsKey("xmpp/etc/jvb/jvb.conf"));
        assertTrue(files.get("xmpp/etc/prosody/jitsi-meet.cfg.lua").contains("c2s_interfaces = { \"10.0.0.3\" }"));
        assertTrue(files.get("jicofo/etc/jicofo/jicofo.conf").contains("hostname=\"10.0.0.3\""));
        assertTrue(files.get("vibri/etc/jvb/jvb.conf").contains("hostname=\"10.0.0.3\""));
        // behind the router the bridge announces the public address for its own
        assertTrue(files.get("vibri/etc/jvb/jvb.conf").contains("local-address=\"10.0.0.5\""));
        assertTrue(files.get("vibri/etc/jvb/jvb.conf").contains("public-address=\"203.0.113.7\""));
        String nginx = files.get("web/etc/nginx/jitsi-meet.conf");
        assertTrue(nginx.contains("proxy_pass http://10.0.0.3:5280/http-bind;"));
        assertTrue(nginx.contains("proxy_pass http://10.0.0.5:9090/colibri-ws/vibri/$1$is_args$args;"));
        assertEquals("rcctl enable jvb", files.get("vibri/etc/jitsi/rcctl.sh").lines().filter(l -> l.startsWith("rcctl enable"))
                .findFirst().orElseThrow());
        assertFalse(files.get("vibri/etc/jitsi/rcctl.sh").contains("jicofo flags"));
    }

    @Test
    void bridgesScaleOutEachWithItsIdentityAndRelays() {
        String two = TALK.replace("  vibri { address = 10.0.0.5, roles = [bridge], bridge { server-id = vibri } }",
                "  jvb1 { address = 10.0.0.5, roles = [bridge] }\n  jvb2 { address = 10.0.0.6, roles = [bridge], bridge { media-port = 10001 } }");
        SortedMap<String, String> files = render(two);
        String nginx = files.get("web/etc/nginx/jitsi-meet.conf");
        assertTrue(nginx.contains("proxy_pass http://10.0.0.5:9090/colibri-ws/jvb1/"));
        assertTrue(nginx.contains("proxy_pass http://10.0.0.6:9090/colibri-ws/jvb2/"));
        for (String b : List.of("jvb1", "jvb2")) {
            String jvb = files.get(b + "/etc/jvb/jvb.conf");
            assertTrue(jvb.contains("server-id=\"" + b + "\""), b);
            assertTrue(jvb.contains("\"muc_nickname\"=\"" + b + "\""), b);
            assertTrue(jvb.contains("relay-id=\"" + b + "\""), b);
        }
        assertTrue(files.get("jicofo/etc/jicofo/jicofo.conf").contains("octo {"));
        assertTrue(files.get("jicofo/etc/jicofo/jicofo.conf").contains("selection-strategy=RegionBasedBridgeSelectionStrategy"));
        // Relays over websockets: each bridge's at the domain, which nginx proxies by server-id and
        // which the bridges' hosts lines place at nginx inside the site.
        for (String b : List.of("jvb1", "jvb2")) {
            assertTrue(files.get(b + "/etc/jvb/jvb.conf").contains("relay-domain=\"meet.example.org:443\""), b);
            assertTrue(files.get(b + "/etc/jitsi/hosts").contains("\n10.0.0.2\tmeet.example.org\n"), b);
        }
        assertTrue(nginx.contains("location ~ ^/colibri-relay-ws/jvb2/(.*) {\n"
                + "        proxy_pass http://10.0.0.6:9090/colibri-relay-ws/jvb2/$1$is_args$args;"));
        // One relay rule per bridge, however many: its ICE from its media port (open to all
        // already), the router's from its table of bridges to that port; the websockets through nginx.
        assertEquals(List.of("pass in proto udp to port 10000",
                "pass in proto tcp from 10.0.0.2 to self port 9090",
                "pass out proto tcp to 10.0.0.3 port 5222",
                "pass out proto tcp to 10.0.0.2 port 443",
                "pass out proto udp from self port 10000"), rules(files, "jvb1"));
        assertEquals(List.of("pass in proto tcp to port { 80 443 }",
                "pass out proto tcp to 10.0.0.3 port 5280",
                "pass out proto tcp to { 10.0.0.5 10.0.0.6 } port 9090"), rules(files, "web"));
        List<String> router = rules(files, "vmm");
        assertEquals("table <jitsi_bridges> const { 10.0.0.5 10.0.0.6 }", router.get(0));
        assertTrue(router.contains("pass in on egress proto udp to port 10001 rdr-to 10.0.0.6"));
        assertTrue(router.contains("pass in proto udp from <jitsi_bridges> to 10.0.0.5 port 10000"));
        assertTrue(router.contains("pass in proto udp from <jitsi_bridges> to 10.0.0.6 port 10001"));
        assertTrue(router.contains("pass in proto tcp from { 10.0.0.5 10.0.0.6 } to 10.0.0.2 port 443"));
    }
}
