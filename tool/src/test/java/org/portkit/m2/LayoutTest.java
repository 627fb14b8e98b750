package org.portkit.m2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void pathAndBackAgree() {
        for (String coords : new String[] {"org.apache.maven:apache-maven:tar.gz:bin:3.9.16", "org.jitsi:jicoco:jar:1.1-150",
                "org.fixture:classified-lib:jar:natives:1.0", "org.apache:apache:pom:35"}) {
            Artifact a = new DefaultArtifact(coords);
            Artifact back = Layout.artifact(Layout.path(a));
            assertEquals(a.toString(), back.toString(), coords);
        }
        assertEquals("org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.tar.gz",
                Layout.path(new DefaultArtifact("org.apache.maven:apache-maven:tar.gz:bin:3.9.16")));
    }

    @Test
    void metadataAndChecksumsAreNotArtifacts() {
        assertNull(Layout.artifact("org/jxmpp/jxmpp-core/maven-metadata.xml"));
        assertNull(Layout.artifact("org/apache/maven/plugins/maven-metadata.xml"));
    }
}
