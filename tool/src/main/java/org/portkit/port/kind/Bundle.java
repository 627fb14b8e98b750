package org.portkit.port.kind;

import java.util.SortedMap;

/**
 * What a meta port ships to configure the ports it brings together: a setup script and the
 * templates it renders (for www/jitsi-meta, org.portkit.site's, handed over by the workspace).
 *
 * @param templates each template's text by its name under {@code share/NAME}
 */
public record Bundle(String setupScript, SortedMap<String, String> templates) {}
