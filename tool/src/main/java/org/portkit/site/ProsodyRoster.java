package org.portkit.site;

/**
 * A roster in prosody's internal storage ({@code DATA/HOST/roster/USER.dat}), as
 * {@code prosodyctl mod_roster_command subscribe CONTACT USER@HOST} leaves it: CONTACT subscribed
 * to USER's presence. focus.DOMAIN (client_proxy) forwards the web app's requests to jicofo only
 * while it has jicofo's presence, and jicofo does not manage its roster itself.
 */
public final class ProsodyRoster {
    private ProsodyRoster() {}

    /** Where prosody keeps {@code user}'s roster of {@code host}, relative to its data_path. */
    public static String path(String host, String user) {
        return ProsodyAccounts.store(host, "roster", user);
    }

    /** A roster in which {@code contact} receives the user's presence (subscription "from"). */
    public static String presenceTo(String contact) {
        return "return {\n\t[false] = {\n\t\t[\"pending\"] = {};\n\t\t[\"version\"] = 1;\n\t};\n\t[\"" + contact
                + "\"] = {\n\t\t[\"groups\"] = {};\n\t\t[\"subscription\"] = \"from\";\n\t};\n};\n";
    }
}
