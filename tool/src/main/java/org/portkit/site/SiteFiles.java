package org.portkit.site;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luaj.vm2.LuaValue;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * A rendered site's files as the daemons read them (prosody's Lua following Include, nginx's
 * directives, HOCON, config.js run as JavaScript), each host's under its root, each parsed once
 * however many checks, and hosts of a topology, ask for it.
 */
final class SiteFiles {
    /** config.js as nginx serves it: the file, and its settings or why it does not run (one of the two). */
    record WebApp(Path file, Config config, String broken) {}

    private final Map<Path, ProsodyConfig> prosody = new HashMap<>();
    private final Map<Path, NginxConfig> nginx = new HashMap<>();
    private final Map<Path, Config> hocon = new HashMap<>();
    private final Map<Path, WebApp> web = new HashMap<>();
    private final Map<Path, LuaValue> stored = new HashMap<>();
    /** A password tried against an account, by account file and password: each bridge logs in as jvb. */
    private final Map<List<Object>, Boolean> accepted = new HashMap<>();

    /** prosody.cfg.lua of the host whose root is {@code root}. */
    ProsodyConfig prosody(Path root) {
        return prosody.computeIfAbsent(root, r -> {
            Path f = r.resolve("etc/prosody/prosody.cfg.lua");
            return ProsodyConfig.read(f, read(f), p -> within(r, p));
        });
    }

    /** nginx.conf of the host whose root is {@code root}. */
    NginxConfig nginx(Path root) {
        return nginx.computeIfAbsent(root, r -> {
            Path f = r.resolve("etc/nginx/nginx.conf");
            try {
                return NginxConfig.read(f, p -> within(r, p));
            } catch (IOException e) {
                throw new PortkitException(Failure.BAD_INPUT, "cannot read " + f + ": " + e.getMessage()
                        + " (a rendered site has every file portkit render-config writes)");
            }
        });
    }

    /** A HOCON file (jicofo.conf, jvb.conf). */
    Config hocon(Path file) {
        return hocon.computeIfAbsent(file, f -> {
            try {
                return ConfigFactory.parseString(read(f), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                        .setOriginDescription(f.toString()));
            } catch (ConfigException e) {
                throw new PortkitException(Failure.BAD_INPUT, "cannot read " + e.getMessage());
            }
        });
    }

    /** The config.js the TLS server of {@code server} serves: its {@code location = /config.js} alias, or its root's. */
    WebApp web(Path root, Optional<NginxConfig.Directive> server) {
        return web.computeIfAbsent(root, r -> {
            Optional<String> alias = server.flatMap(s -> s.all("location").filter(l -> l.args().equals(List.of("=", "/config.js")))
                    .findFirst()).flatMap(l -> l.first("alias")).map(a -> a.arg(0));
            Optional<String> webRoot = server.flatMap(s -> s.first("root")).map(d -> d.arg(0) + "/config.js");
            Path file = within(r, Path.of(alias.or(() -> webRoot).orElse("/var/www/jitsi-meet/config.js")));
            if (!Files.isRegularFile(file)) {
                return new WebApp(file, null, "nginx serves /config.js from " + file + ", which does not exist");
            }
            try {
                return new WebApp(file, WebAppConfig.read(file.toString(), read(file)), null);
            } catch (WebAppConfig.Broken e) {
                return new WebApp(file, null, e.getMessage() + ": the web app does not start");
            }
        });
    }

    /** A prosody store file ({@code return { ... }}), its table. */
    LuaValue stored(Path file) {
        // Read as an assignment, a stored table is a config like any other.
        return stored.computeIfAbsent(file, f -> ProsodyConfig.read(f, read(f).replaceFirst("^\\s*return\\b", "data ="))
                .global().get("data"));
    }

    /** Does the account stored in {@code file} take {@code password}? Its SCRAM keys derived once per password. */
    boolean accepts(Path file, String password) {
        return accepted.computeIfAbsent(List.of(file, password), k -> {
            LuaValue t = stored(file);
            return new ProsodyAccounts.Account(t.get("salt").tojstring(), t.get("iteration_count").toint(),
                    t.get("stored_key").tojstring(), t.get("server_key").tojstring()).accepts(password);
        });
    }

    /**
     * A path written in a host's files, where it is in the site verified: files rendered in place
     * name paths inside {@code root}; a site made for / and copied there names them from the root.
     */
    static Path within(Path root, Path p) {
        if (!p.isAbsolute()) {
            return root.resolve(p);
        }
        Path n = p.normalize();
        return n.startsWith(root) ? n : root.resolve(n.getRoot().relativize(n).toString());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new PortkitException(Failure.BAD_INPUT, "cannot read " + file + ": " + e.getMessage()
                    + " (a rendered site has every file portkit render-config writes)");
        }
    }
}
