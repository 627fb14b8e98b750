package org.portkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portkit.io.AtomicFiles;

/** site → its files, by path relative to the host's root. Pure but for the secrets it is given, and {@link #write}. */
public final class SiteRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)@");

    private SiteRenderer() {}

    /**
     * Every configuration file of the roles the site's host runs (all of them on one host), plus,
     * on prosody's host, what jitsi-setup's prosodyctl calls store in prosody's data: the accounts
     * of focus and jvb, and focus's roster with focus.DOMAIN in it.
     */
    public static SortedMap<String, String> render(Site site) {
        SortedMap<String, String> templates = SiteTemplates.all();
        Map<String, String> vars = site.variables();
        Topology topology = site.topology();
        boolean relays = topology.relays();
        if (site.self().runs(Topology.Role.WEB)) {
            vars.put("COLIBRI_LOCATIONS", colibri(topology, templates.get(SiteTemplates.NGINX_COLIBRI)
                    + (relays ? templates.get(SiteTemplates.NGINX_COLIBRI_RELAY) : ""), vars));
        }
        if (relays) {
            vars.put("RELAY_WEB_ADDRESS", topology.relayWeb().address());
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (SiteFile f : SiteTemplates.FILES) {
            if (!f.on(site.self())) {
                continue;
            }
            String text = templates.get(f.template());
            if (f.template().equals("jvb.conf.in")) {
                // jitsi-setup appends them in the same order
                text += site.network().nat() != null ? templates.get(SiteTemplates.JVB_NAT) : "";
                text += site.network().stun() != null ? templates.get(SiteTemplates.JVB_STUN) : "";
                text += relays ? templates.get(SiteTemplates.JVB_RELAY) : "";
            }
            if (f.template().equals("jicofo.conf.in") && relays) {
                text += templates.get(SiteTemplates.JICOFO_OCTO);
            }
            if (f.template().equals("hosts.in") && relays && site.self().runs(Topology.Role.BRIDGE)) {
                text += templates.get(SiteTemplates.HOSTS_RELAY);
            }
            files.put(f.target(), substitute(text, vars));
        }
        if (!site.self().runs(Topology.Role.XMPP)) {
            return files;
        }
        String auth = "auth." + site.domain();
        files.put("var/prosody/" + ProsodyAccounts.path(auth, "focus"),
                ProsodyAccounts.create(site.secrets().focusPassword()).lua());
        files.put("var/prosody/" + ProsodyAccounts.path(auth, "jvb"),
                ProsodyAccounts.create(site.secrets().jvbPassword()).lua());
        files.put("var/prosody/" + ProsodyRoster.path(auth, "focus"), ProsodyRoster.presenceTo("focus." + site.domain()));
        return files;
    }

    /** nginx's locations for each bridge, with that bridge's server-id and address, in the topology's order. */
    private static String colibri(Topology topology, String template, Map<String, String> vars) {
        StringBuilder out = new StringBuilder();
        for (Topology.Host b : topology.bridges()) {
            Map<String, String> v = new TreeMap<>(vars);
            v.put("JVB_SERVER_ID", b.bridge().serverId());
            v.put("JVB_ADDRESS", topology.loopback() ? "127.0.0.1" : b.address());
            out.append(substitute(template, v));
        }
        // The template's line ends it, as jitsi-setup's $(...) leaves it.
        return out.toString().replaceFirst("\\n+$", "");
    }

    /**
     * Writes {@code site} under {@code dir} as render-config does: every file of {@link #render}
     * (owner-only, as the daemons' groups do not exist here), then the directories the daemons
     * write to ({@link SiteTemplates#DIRECTORIES}). A certificate is not made: jitsi-setup makes a
     * self-signed one on the host.
     */
    public static SortedMap<String, String> write(Site site, Path dir) throws IOException {
        SortedMap<String, String> files = render(site);
        AtomicFiles.writeTree(files, dir, path -> "rw-------");
        for (SiteFile d : SiteTemplates.DIRECTORIES) {
            if (d.on(site.self())) {
                Files.createDirectories(dir.resolve(d.target()));
            }
        }
        return files;
    }

    /**
     * Fills every {@code @NAME@} in one pass, each value taken literally, as jitsi-setup's awk
     * does: a value is never read again for placeholders or special characters. A name without a
     * value is a bug in the templates.
     */
    public static String substitute(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template placeholder " + m.group() + " has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Fresh secrets from a CSPRNG: 128 bits each, as hex, as jitsi-setup makes them with openssl. */
    public static Site.Secrets newSecrets() {
        SecureRandom random = new SecureRandom();
        return new Site.Secrets(hex(random), hex(random), hex(random));
    }

    private static String hex(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
