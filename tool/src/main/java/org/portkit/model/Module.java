package org.portkit.model;

import java.nio.file.Path;
import org.apache.maven.model.Model;

/** One module of the reactor: its POM and its effective model (profiles applied, parents merged). */
public record Module(Path pom, Model model) {
    public String key() {
        return model.getGroupId() + ':' + model.getArtifactId() + ':' + model.getVersion();
    }
}
