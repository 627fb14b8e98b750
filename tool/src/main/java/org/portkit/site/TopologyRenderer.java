package org.portkit.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.portkit.io.AtomicFiles;

/**
 * topology → one directory per host with exactly that host's files (a {@link Site} per host,
 * rendered by {@link SiteRenderer}), and the router's pf.conf and vm.conf. Pure but for the
 * secrets it is given, and {@link #write}.
 */
public final class TopologyRenderer {
    /** The description itself, at the top of a rendered topology: verify-config reads it back. */
    public static final String DESCRIPTION = "topology.conf";

    private TopologyRenderer() {}

    /** The site of one host: its roles' files, its addresses and ports, the shared secrets. */
    public static Site site(Topology topology, String host, Site.Network network, Site.Ports ports, String prefix,
            Site.Secrets secrets) {
        Topology.Host h = topology.host(host);
        Site.Ports own = topology.loopback() ? ports : new Site.Ports(h.address() + ":", ports.http(), ports.https(),
                ports.c2s(), ports.prosodyHttp(), h.bridge() != null ? h.bridge().mediaPort() : ports.jvbUdp(),
                ports.jvbWebsockets(), ports.jvbPrivate(), ports.jicofoRest());
        Site.Network net = new Site.Network(h.bridge() != null ? h.bridge().nat() : null, network.stun(), network.turn());
        return new Site(topology.domain(), net, own, prefix, secrets, topology, host);
    }

    /**
     * Every host's files under its name, and the router's; {@code prefix} gives each host's root
     * in the files' paths.
     */
    public static SortedMap<String, String> render(Topology topology, String description, Site.Network network,
            Site.Ports ports, UnaryOperator<String> prefix, Site.Secrets secrets) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(DESCRIPTION, description);
        for (Topology.Host h : topology.hosts()) {
            SiteRenderer.render(site(topology, h.name(), network, ports, prefix.apply(h.name()), secrets))
                    .forEach((path, text) -> files.put(h.name() + "/" + path, text));
        }
        topology.router().ifPresent(r -> {
            SortedMap<String, String> templates = SiteTemplates.all();
            Map<String, String> v = new TreeMap<>();
            v.put("DOMAIN", topology.domain());
            v.put("SYSCONFDIR", prefix.apply(r.name()) + "/etc");
            v.put("PF_RULES", PfRules.router(topology, ports));
            v.put("VMS", topology.hosts().stream().map(h -> {
                Map<String, String> vm = new TreeMap<>(v);
                vm.put("VM_NAME", h.name());
                vm.put("VM_MEMORY", r.memory());
                vm.put("VM_ROLES", h.address() + ": " + h.roles().stream().map(x -> x.daemon).collect(Collectors.joining(" ")));
                return SiteRenderer.substitute(templates.get(SiteTemplates.VM), vm);
            }).collect(Collectors.joining()).replaceFirst("\n+$", ""));
            files.put(r.name() + "/etc/jitsi/pf.conf", SiteRenderer.substitute(templates.get(SiteTemplates.ROUTER_PF), v));
            files.put(r.name() + "/etc/vm.conf", SiteRenderer.substitute(templates.get(SiteTemplates.VM_CONF), v));
        });
        return files;
    }

    /** Writes a rendered topology under {@code dir}, with each host's daemons' directories. */
    public static SortedMap<String, String> write(Topology topology, String description, Site.Network network,
            Site.Ports ports, UnaryOperator<String> prefix, Site.Secrets secrets, Path dir) throws IOException {
        SortedMap<String, String> files = render(topology, description, network, ports, prefix, secrets);
        AtomicFiles.writeTree(files, dir, path -> "rw-------");
        for (Topology.Host h : topology.hosts()) {
            for (SiteFile d : SiteTemplates.DIRECTORIES) {
                if (d.on(h)) {
                    Files.createDirectories(dir.resolve(h.name()).resolve(d.target()));
                }
            }
        }
        return files;
    }

}
