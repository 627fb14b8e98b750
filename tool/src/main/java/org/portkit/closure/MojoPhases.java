package org.portkit.closure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The phase each goal of a plugin binds to by default, as its descriptor ({@code
 * META-INF/maven/plugin.xml} in the plugin's jar) says: where an execution names no phase, Maven runs
 * the goal in this one, or not at all when the mojo has none.
 *
 * @param phases by goal; a goal whose mojo has no default phase maps to the empty string
 */
record MojoPhases(Map<String, String> phases) {
    static final String DESCRIPTOR = "META-INF/maven/plugin.xml";

    /** The descriptor of the plugin jar {@code jar}; empty when it has none or it cannot be read. */
    static Optional<MojoPhases> of(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(DESCRIPTOR);
            if (entry == null) {
                return Optional.empty();
            }
            try (Reader in = new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8)) {
                Xpp3Dom mojos = Xpp3DomBuilder.build(in).getChild("mojos");
                Map<String, String> phases = new HashMap<>();
                for (Xpp3Dom mojo : mojos == null ? new Xpp3Dom[0] : mojos.getChildren("mojo")) {
                    Xpp3Dom goal = mojo.getChild("goal");
                    Xpp3Dom phase = mojo.getChild("phase");
                    if (goal != null && goal.getValue() != null) {
                        phases.put(goal.getValue().trim(), phase == null || phase.getValue() == null ? "" : phase.getValue().trim());
                    }
                }
                return Optional.of(new MojoPhases(phases));
            }
        } catch (IOException | XmlPullParserException e) {
            return Optional.empty();
        }
    }

    /** The default phase of {@code goal} ("" for none); empty when the descriptor does not know the goal. */
    Optional<String> phase(String goal) {
        return Optional.ofNullable(phases.get(goal));
    }
}
