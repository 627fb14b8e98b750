package org.portkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * prosody's configuration as prosody sees it: the file is Lua, run with {@code VirtualHost} and
 * {@code Component} opening sections, every global assignment landing in the section last
 * opened, and {@code Include} running other files. Run here in LuaJ with no I/O library, so a
 * configuration reads nothing but the files it includes.
 */
public record ProsodyConfig(Map<String, LuaValue> global, Map<String, Section> sections) {

    /** A VirtualHost, or a Component with its module (null for an external component). */
    public record Section(String name, boolean component, String module, Map<String, LuaValue> settings) {}

    /** A file that includes nothing (a stored account or roster, a one-file configuration). */
    public static ProsodyConfig read(Path file, String text) {
        return read(file, text, p -> p);
    }

    /**
     * The configuration in {@code file}, with every {@code Include} followed as prosody does: a
     * relative name from the including file's directory, {@code *} and {@code ?} in the last
     * component, each file run from the global section. {@code local} maps an absolute path
     * written in a file to where it is read (a site verified under a directory).
     */
    public static ProsodyConfig read(Path file, String text, UnaryOperator<Path> local) {
        ProsodyConfig config = new ProsodyConfig(new LinkedHashMap<>(), new LinkedHashMap<>());
        config.run(file, text, local);
        return config;
    }

    private void run(Path file, String text, UnaryOperator<Path> local) {
        Section[] current = {null};
        Globals lua = new Globals();
        lua.load(new BaseLib());
        lua.load(new PackageLib());
        lua.load(new StringLib());
        lua.load(new TableLib());
        LoadState.install(lua);
        LuaC.install(lua);

        LuaTable env = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue key, LuaValue value) {
                (current[0] == null ? global : current[0].settings()).put(key.tojstring(), value);
                return NONE;
            }
        });
        meta.set("__index", lua);
        env.setmetatable(meta);
        OneArgFunction virtualHost = new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                current[0] = sections.computeIfAbsent(name.checkjstring(),
                        n -> new Section(n, false, null, new LinkedHashMap<>()));
                return settingsTable(current[0]);
            }
        };
        OneArgFunction component = new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                String n = name.checkjstring();
                current[0] = new Section(n, true, null, new LinkedHashMap<>());
                sections.put(n, current[0]);
                return new OneArgFunction() {
                    @Override
                    public LuaValue call(LuaValue module) {
                        current[0] = new Section(n, true, module.checkjstring(), current[0].settings());
                        sections.put(n, current[0]);
                        return settingsTable(current[0]);
                    }
                };
            }
        };
        OneArgFunction include = new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                for (Path included : included(file, name.checkjstring(), local)) {
                    try {
                        run(included, Files.readString(included), local);
                    } catch (IOException e) {
                        throw new LuaError("Error loading included " + included + ": " + e.getMessage());
                    }
                }
                return NONE;
            }
        };
        for (String n : new String[] {"VirtualHost", "Host", "host"}) {
            env.rawset(n, virtualHost);
        }
        env.rawset("Component", component);
        env.rawset("component", component);
        env.rawset("Include", include);
        env.rawset("include", include);
        try {
            lua.load(text, "@" + file, env).call();
        } catch (LuaError e) {
            throw new PortkitException(Failure.BAD_INPUT, "prosody configuration " + file + " does not run: "
                    + e.getMessage());
        }
    }

    /** The files {@code Include "name"} in {@code from} runs, in name order (prosody: directory order). */
    private static List<Path> included(Path from, String name, UnaryOperator<Path> local) {
        Path written = Path.of(name);
        Path path = written.isAbsolute() ? local.apply(written) : from.toAbsolutePath().getParent().resolve(written);
        String last = path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?")) {
            return List.of(path);
        }
        PathMatcher glob = path.getFileSystem().getPathMatcher("glob:" + last);
        try (Stream<Path> list = Files.list(path.getParent())) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".") && glob.matches(p.getFileName()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new LuaError("Error expanding wildcard pattern in Include " + name + ": " + e.getMessage());
        }
    }

    /** {@code VirtualHost "x" { key = value }} style: the table's entries are the section's settings. */
    private static LuaValue settingsTable(Section section) {
        return new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue table) {
                LuaValue k = NIL;
                while (true) {
                    Varargs next = table.checktable().next(k);
                    if ((k = next.arg1()).isnil()) {
                        break;
                    }
                    section.settings().put(k.tojstring(), next.arg(2));
                }
                return NONE;
            }
        };
    }

    /** A setting of {@code section}, or the global one (prosody's inheritance); null when unset. */
    public LuaValue setting(String section, String key) {
        Section s = sections.get(section);
        LuaValue v = s == null ? null : s.settings().get(key);
        return v != null ? v : global.get(key);
    }

    public String string(String section, String key) {
        LuaValue v = setting(section, key);
        return v == null || v.isnil() ? null : v.tojstring();
    }

    /** A list setting ({@code { "a"; "b" }}) as strings; a single value counts as a list of one. */
    public List<String> list(String section, String key) {
        LuaValue v = setting(section, key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isnil()) {
            return out;
        }
        if (!v.istable()) {
            out.add(v.tojstring());
            return out;
        }
        for (int i = 1; i <= v.length(); i++) {
            out.add(v.get(i).tojstring());
        }
        return out;
    }

    /** Modules a host loads: the global ones and its own, minus modules_disabled. */
    public List<String> modules(String section) {
        List<String> out = new ArrayList<>(list(null, "modules_enabled"));
        Section s = sections.get(section);
        if (s != null && s.settings().containsKey("modules_enabled")) {
            list(section, "modules_enabled").stream().filter(m -> !out.contains(m)).forEach(out::add);
        }
        out.removeAll(list(section, "modules_disabled"));
        return out;
    }
}
