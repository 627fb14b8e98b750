package org.portkit.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.io.DefaultModelReader;
import org.eclipse.aether.repository.RemoteRepository;
import org.portkit.resolve.Repositories;

/** Maven's super POM, the model every project inherits, read from the model builder itself. */
public final class SuperPom {
    private SuperPom() {}

    /** The repositories of the super POM (that is, central). */
    public static List<RemoteRepository> repositories() {
        try (InputStream in = ModelBuilder.class.getResourceAsStream("/org/apache/maven/model/pom-4.0.0.xml")) {
            Model superPom = new DefaultModelReader().read(in, Map.of());
            return superPom.getRepositories().stream()
                    .map(Repositories::of).toList();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read Maven's super POM from the model builder", e);
        }
    }
}
