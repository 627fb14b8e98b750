package org.portkit.port;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The port templates ({@code org/portkit/port/NAME.mustache}, delimiters {@code <% %>}, no HTML
 * escaping): a port maintainer reads them as the files they make. A template includes another as
 * {@code <%> NAME%>} (the Makefile head every Maven-built kind shares, say).
 */
public final class Templates {
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().withDelims("<% %>").escapeHTML(false)
            .defaultValue("").withLoader(name -> new StringReader(read(name)));

    private Templates() {}

    /** Template {@code name} filled from {@code model} (a map, or a record read by its accessors). */
    public static String render(String name, Object model) {
        return MUSTACHE.compile(read(name)).execute(model);
    }

    private static String read(String name) {
        String resource = name + ".mustache";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("template " + resource + " missing from portkit's jar", e);
        }
    }
}
