package org.portkit.port;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The port templates ({@code org/portkit/port/NAME.mustache}, delimiters {@code <% %>}, no HTML
 * escaping): a port maintainer reads them as the files they make.
 */
public final class Templates {
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().withDelims("<% %>").escapeHTML(false)
            .defaultValue("");

    private Templates() {}

    /** Template {@code name} filled from {@code model} (a map, or a record read by its accessors). */
    public static String render(String name, Object model) {
        String resource = name + ".mustache";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            Template t = MUSTACHE.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return t.execute(model);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("template " + resource + " missing from portkit's jar", e);
        }
    }
}
