package org.portkit.port;

import java.util.Set;
import java.util.TreeSet;

/** Reads back a generated pkg/PLIST: which files the package holds. */
public final class PlistText {
    private PlistText() {}

    /**
     * The files the port itself installs: no directories, no @ lines but manual pages ({@code @man
     * PATH}), no readme (the infrastructure adds it).
     */
    public static Set<String> files(String plist) {
        Set<String> out = new TreeSet<>();
        for (String line : plist.lines().map(PlistText::path).toList()) {
            if (!line.startsWith("@") && !line.endsWith("/") && !line.startsWith("share/doc/pkg-readmes/")) {
                out.add(line);
            }
        }
        return out;
    }

    /** The path a PLIST line installs: the line itself, or the path after {@code @man}. */
    public static String path(String line) {
        return line.startsWith("@man ") ? line.substring("@man ".length()) : line;
    }

    /**
     * Where bsd.port.mk installs a pkg/ file itself (pkg/NAME.login as the example of the login
     * class NAME), as a PLIST path; null for a file it does not install there.
     */
    public static String installedFromPkg(String portFile) {
        return portFile.matches("pkg/[^/]+\\.login")
                ? "share/examples/login.conf.d/" + portFile.substring(4, portFile.length() - ".login".length()) : null;
    }

    /** Null when the PLIST lists exactly what was installed, else what differs, in words. */
    public static String difference(Set<String> listed, Set<String> installed) {
        if (listed.equals(installed)) {
            return null;
        }
        TreeSet<String> notInstalled = new TreeSet<>(listed);
        notInstalled.removeAll(installed);
        TreeSet<String> notListed = new TreeSet<>(installed);
        notListed.removeAll(listed);
        return "pkg/PLIST lists " + notInstalled + " which are not installed, and does not list " + notListed;
    }
}
