package org.portkit.closure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.codehaus.plexus.util.xml.Xpp3Dom;

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
        return JarDescriptor.read(jar, DESCRIPTOR).map(plugin -> {
            Xpp3Dom mojos = plugin.getChild("mojos");
            Map<String, String> phases = new HashMap<>();
            for (Xpp3Dom mojo : mojos == null ? new Xpp3Dom[0] : mojos.getChildren("mojo")) {
                Xpp3Dom goal = mojo.getChild("goal");
                Xpp3Dom phase = mojo.getChild("phase");
                if (goal != null && goal.getValue() != null) {
                    phases.put(goal.getValue().trim(), phase == null || phase.getValue() == null ? "" : phase.getValue().trim());
                }
            }
            return new MojoPhases(phases);
        });
    }

    /** The default phase of {@code goal} ("" for none); empty when the descriptor does not know the goal. */
    Optional<String> phase(String goal) {
        return Optional.ofNullable(phases.get(goal));
    }
}
