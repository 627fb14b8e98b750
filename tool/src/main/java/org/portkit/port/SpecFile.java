package org.portkit.port;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.parser.ConfigDocument;
import com.typesafe.config.parser.ConfigDocumentFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * A port.conf as read (HOCON, with Typesafe Config), strictly: each kind of spec names the keys it
 * takes, and a key it does not take, a key set twice, a key missing and a value that would lead
 * outside the directory it names are each an error naming the file and the line to edit.
 *
 * @param text the file as written, for the lines of what Typesafe Config merges away (keys set twice)
 */
public record SpecFile(SpecPaths paths, Config config, String text) {
    /** One file or directory name: what may go into a path as one part of it. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final String PROBE = "\"portkit probe: is this key set twice\"";

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
        return reading(() -> new SpecFile(paths, config(text, paths.file().toString()), text));
    }

    /** port.conf's text as Typesafe Config reads it, each value with the line it is set on. */
    public static Config config(String text, String origin) {
        return ConfigFactory.parseString(text,
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(origin));
    }

    /**
     * What {@code read} makes of the file, its Typesafe Config failures (a missing key, a wrong
     * type) turned into bad input.
     */
    public static <T> T reading(java.util.function.Supplier<T> read) {
        try {
            return read.get();
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
        present(path);
        return config.getString(path);
    }

    public int integer(String path) {
        present(path);
        return config.getInt(path);
    }

    public java.util.Optional<String> optional(String path) {
        return config.hasPath(path) ? java.util.Optional.of(config.getString(path)) : java.util.Optional.empty();
    }

    public List<String> list(String path) {
        present(path);
        return config.getStringList(path);
    }

    /** The list at {@code path}, or {@code otherwise} where the spec has none. */
    public List<String> list(String path, List<String> otherwise) {
        return config.hasPath(path) ? config.getStringList(path) : otherwise;
    }

    /** The value at {@code path}, which becomes one file or directory name. */
    public String name(String path) {
        String value = string(path);
        require(path, isName(value), "one name of letters, digits, '.', '_', '+', '-', starting with a letter or"
                + " digit (it names a file or directory)");
        return value;
    }

    /** Whether {@code value} can be one part of a path, and only one. */
    public static boolean isName(String value) {
        return NAME.matcher(value).matches() && !value.contains("..");
    }

    /** Whether {@code value} is a path below a directory: names joined by '/'. */
    public static boolean isRelativePath(String value) {
        return Arrays.stream(value.split("/", -1)).allMatch(SpecFile::isName);
    }

    /** The relative paths {@code path} lists, each below the directory it is read in. */
    public List<String> relativePaths(String path) {
        List<String> values = list(path);
        values.forEach(v -> require(path, isRelativePath(v), "a relative path of names joined by '/', not " + v
                + " (it names a file below its directory)"));
        return values;
    }

    /** The value at {@code path}, a relative path below the directory it is read in. */
    public String relativePath(String path) {
        String value = string(path);
        require(path, isRelativePath(value), "a relative path of names joined by '/' (it names a file below its directory)");
        return value;
    }

    /** Fails naming the file (and the enclosing block's line) where {@code path} is required but missing. */
    private void present(String path) {
        if (config.hasPath(path)) {
            return;
        }
        int dot = path.lastIndexOf('.');
        String block = dot < 0 ? null : path.substring(0, dot);
        String needs = " (a " + kind() + " spec needs one)";
        if (block != null && config.hasPath(block)) {
            throw error(block, "no " + path.substring(dot + 1) + needs);
        }
        throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + paths.file() + ": no " + path + needs);
    }

    /**
     * Fails unless every key the file sets is one of {@code keys} ({@code daemon.user}; a list is one
     * key), each set once.
     */
    public void requireKeys(Set<String> keys) {
        List<Map.Entry<String, ConfigValue>> set = new ArrayList<>(config.entrySet());
        set.sort(Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
        for (Map.Entry<String, ConfigValue> e : set) {
            String path = e.getKey();
            if (!keys.contains(path)) {
                int dot = path.lastIndexOf('.');
                String block = dot < 0 ? "" : path.substring(0, dot + 1);
                throw error(path, "unknown key; " + (block.isEmpty() ? "a " + kind() + " spec" : block.substring(0,
                        block.length() - 1) + " { }") + " takes " + String.join(", ", keys.stream()
                        .filter(k -> k.startsWith(block) && k.indexOf('.', block.length()) < 0)
                        .map(k -> k.substring(block.length())).sorted().toList()));
            }
        }
        ConfigDocument document = ConfigDocumentFactory.parseString(text);
        List<String> lines = text.lines().toList();
        set.forEach(e -> requireOnce(document, lines, e.getKey()));
    }

    /**
     * Typesafe Config keeps only the last of a key set twice, so the file itself is asked: given a new
     * value, the document drops the earlier settings of a key set anew (a line before the last changes)
     * and gives it to each setting inside an object set twice (it shows up more than once).
     */
    private void requireOnce(ConfigDocument document, List<String> before, String path) {
        List<String> probed = probed(document, path);
        List<Integer> probes = probes(probed);
        int last = probes.get(probes.size() - 1);
        int first = probes.get(0) < last ? probes.get(0) : last;
        for (int i = 0; i < Math.min(first, before.size()); i++) {
            if (!before.get(i).equals(probed.get(i))) {
                first = i;
                break;
            }
        }
        if (first != last) {
            throw new PortkitException(Failure.BAD_INPUT, "bad port spec: " + paths.file() + ": " + (first + 1) + ": "
                    + path + ": set twice (again on line " + (last + 1) + ")");
        }
    }

    /**
     * The line the (last) setting of {@code path} starts on. Typesafe Config's own origins are a line
     * short for a list and name the last line of a multi-line value; the file's text, with the value
     * replaced, says where it starts.
     */
    private int line(String path) {
        List<Integer> probes = probes(probed(ConfigDocumentFactory.parseString(text), path));
        return probes.get(probes.size() - 1) + 1;
    }

    /** The file's lines with the value of {@code path} (each setting of it) replaced by a probe. */
    private static List<String> probed(ConfigDocument document, String path) {
        return document.withValueText(path, PROBE).render().lines().toList();
    }

    private static List<Integer> probes(List<String> probed) {
        return IntStream.range(0, probed.size()).filter(i -> probed.get(i).contains(PROBE)).boxed().toList();
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

    /** The failure of the value at {@code path}: the file, its line (where it is set), and {@code what} is expected there. */
    public PortkitException error(String path, String what) {
        String where = config.hasPath(path) ? paths.file() + ": " + line(path) : paths.file().toString();
        return new PortkitException(Failure.BAD_INPUT, "bad port spec: " + where + ": " + path + ": " + what);
    }
}
