package org.portkit.closure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/** A descriptor Maven reads from a plugin's or extension's jar, parsed as Maven parses it (Xpp3Dom). */
final class JarDescriptor {
    private JarDescriptor() {}

    /** The XML at {@code entry} in {@code jar}; empty when the jar has none or it cannot be read. */
    static Optional<Xpp3Dom> read(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry found = file.getEntry(entry);
            if (found == null) {
                return Optional.empty();
            }
            try (Reader in = new InputStreamReader(file.getInputStream(found), StandardCharsets.UTF_8)) {
                return Optional.of(Xpp3DomBuilder.build(in));
            }
        } catch (IOException | XmlPullParserException e) {
            return Optional.empty();
        }
    }
}
