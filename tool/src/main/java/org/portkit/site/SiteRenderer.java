package org.portkit.site;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** site → its files, by path relative to the host's root. Pure but for the secrets it is given. */
public final class SiteRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)@");

    private SiteRenderer() {}

    /** Every configuration file, plus prosody's stored accounts of focus and jvb. */
    public static SortedMap<String, String> render(Site site) {
        SortedMap<String, String> templates = SiteTemplates.all();
        Map<String, String> vars = site.variables();
        SortedMap<String, String> files = new TreeMap<>();
        for (SiteFile f : SiteTemplates.FILES) {
            String text = templates.get(f.template());
            if (f.template().equals("jvb.conf.in") && site.nat() != null) {
                text += templates.get(SiteTemplates.JVB_NAT);
            }
            files.put(f.target(), substitute(text, vars));
        }
        String auth = "auth." + site.domain();
        files.put("var/prosody/" + ProsodyAccounts.path(auth, "focus"),
                ProsodyAccounts.create(site.secrets().focusPassword()).lua());
        files.put("var/prosody/" + ProsodyAccounts.path(auth, "jvb"),
                ProsodyAccounts.create(site.secrets().jvbPassword()).lua());
        return files;
    }

    /**
     * Fills every {@code @NAME@}, one name after the other as jitsi-setup's sed does; a name left
     * without a value is a bug in the templates.
     */
    public static String substitute(String template, Map<String, String> vars) {
        String text = template;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            text = text.replace("@" + v.getKey() + "@", v.getValue());
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalStateException("template placeholder " + left.group() + " has no value");
        }
        return text;
    }

    /** Fresh secrets from a CSPRNG: 128 bits each, as hex. */
    public static Site.Secrets newSecrets() {
        SecureRandom random = new SecureRandom();
        return new Site.Secrets(hex(random), hex(random));
    }

    private static String hex(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
