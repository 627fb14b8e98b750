package org.portkit.port;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * A port.conf as read (HOCON, with Typesafe Config): the values every kind of spec takes from it,
 * each failure naming the file and the line the maintainer has to edit.
 */
public record SpecFile(SpecPaths paths, Config config) {

    /** The port.conf at {@code paths}, read. */
    public static SpecFile read(SpecPaths paths) {
        Path file = paths.file();
        if (!Files.isRegularFile(file)) {
            throw new PortkitException(Failure.BAD_INPUT, "no " + file.getFileName() + " in " + paths.dir());
        }
        try {
            return parse(paths, Files.readString(file));
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code text} as the port.conf at {@code paths}. */
    public static SpecFile parse(SpecPaths paths, String text) {
        return read(() -> new SpecFile(paths, config(text, paths.file().toString())));
    }

    /** port.conf's text as Typesafe Config reads it, each value with the line it is set on. */
    public static Config config(String text, String origin) {
        return ConfigFactory.parseString(text,
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(origin));
    }

    /**
     * What {@code reading} makes of the file, its Typesafe Config failures (a missing key, a wrong
     * type) turned into bad input.
     */
    public static <T> T read(java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (ConfigException e) {
            // Typesafe Config's messages start with "file: line:", which is what a maintainer needs.
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + e.getMessage());
        }
    }

    /** The kind of port the spec is ({@code kind = ...}); a spec without one is a daemon's. */
    public String kind() {
        return optional("kind").orElse("daemon");
    }

    public String string(String path) {
        return config.getString(path);
    }

    public java.util.Optional<String> optional(String path) {
        return config.hasPath(path) ? java.util.Optional.of(config.getString(path)) : java.util.Optional.empty();
    }

    public List<String> list(String path) {
        return config.getStringList(path);
    }

    /** The list at {@code path}, or {@code otherwise} where the spec has none. */
    public List<String> list(String path, List<String> otherwise) {
        return config.hasPath(path) ? config.getStringList(path) : otherwise;
    }

    /** Each object of the list at {@code path}, as {@code read} makes it. */
    public <T> List<T> objects(String path, Function<Config, T> read) {
        return config.getConfigList(path).stream().map(read).toList();
    }

    /** Fails with the file, the line of {@code path} and {@code what} is expected there, unless {@code ok}. */
    public void require(String path, boolean ok, String what) {
        if (!ok) {
            throw error(path, what);
        }
    }

    /** The failure of the value at {@code path}: the file, its line, and {@code what} is expected there. */
    public PortkitException error(String path, String what) {
        return new PortkitException(Failure.BAD_INPUT,
                "bad port spec: " + config.getValue(path).origin().description() + ": " + path + ": " + what);
    }
}
