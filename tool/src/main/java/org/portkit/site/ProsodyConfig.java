package org.portkit.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code Component} opening sections, and every global assignment landing in the section last
 * opened. Run here in LuaJ with no I/O library, so a configuration cannot reach outside.
 */
public record ProsodyConfig(Map<String, LuaValue> global, Map<String, Section> sections) {

    /** A VirtualHost, or a Component with its module (null for an external component). */
    public record Section(String name, boolean component, String module, Map<String, LuaValue> settings) {}

    public static ProsodyConfig read(Path file, String text) {
        Map<String, LuaValue> global = new LinkedHashMap<>();
        Map<String, Section> sections = new LinkedHashMap<>();
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
        env.rawset("VirtualHost", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                current[0] = sections.computeIfAbsent(name.checkjstring(),
                        n -> new Section(n, false, null, new LinkedHashMap<>()));
                return settingsTable(current[0]);
            }
        });
        env.rawset("Component", new OneArgFunction() {
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
        });
        env.rawset("Include", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue pattern) {
                throw new LuaError("Include is not followed here: keep the whole site in one file");
            }
        });
        try {
            lua.load(text, "@" + file, env).call();
        } catch (LuaError e) {
            throw new PortkitException(Failure.BAD_INPUT, "prosody configuration " + file + " does not run: "
                    + e.getMessage());
        }
        return new ProsodyConfig(global, sections);
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
