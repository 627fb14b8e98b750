package org.portkit.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * pf rules from a topology's flows, in the talk's words: on a host, what comes in to it and
 * what it opens to the others; on the router, the public ports redirected (rdr-to) to the hosts
 * that serve them and every flow between the hosts. Flows of the same protocol and port are one
 * rule with a list ({@code { a b }}), in the order the flows come. Relays between bridges are one
 * rule per bridge, whatever their number: a bridge sends from its media port (which, open to
 * browsers, takes the others' too), and the router passes to each bridge's media port what comes
 * from the table of bridges ({@link #BRIDGES}).
 */
public final class PfRules {
    /** The router's table of the bridges' addresses. */
    public static final String BRIDGES = "<jitsi_bridges>";

    private PfRules() {}

    /** The pf rules of {@code self}: one line each, without a final newline. */
    public static String host(Topology topology, Topology.Host self, Site.Ports ports) {
        List<Topology.Flow> flows = topology.flows(ports);
        List<String> rules = new ArrayList<>();
        // From the network: its ports, by protocol.
        Map<String, Set<String>> open = new LinkedHashMap<>();
        flows.stream().filter(f -> f.to() == self && f.from() == null)
                .forEach(f -> open.computeIfAbsent(f.proto(), k -> new LinkedHashSet<>()).add(Integer.toString(f.port())));
        open.forEach((proto, p) -> rules.add("pass in proto " + proto + " to port " + list(p)));
        // From the other hosts: who, by protocol and port (unless the port is open to all).
        group(flows.stream().filter(f -> f.to() == self && f.from() != null
                && !open.getOrDefault(f.proto(), Set.of()).contains(Integer.toString(f.port()))).toList(), f -> f.from().address())
                .forEach((k, from) -> rules.add("pass in proto " + k.proto() + " from " + list(from) + " to self port " + k.port()));
        // To the other hosts.
        group(flows.stream().filter(f -> f.from() == self).toList(), f -> f.to().address())
                .forEach((k, to) -> rules.add("pass out proto " + k.proto() + " to " + list(to) + " port " + k.port()));
        if (topology.relays() && self.bridge() != null) {
            rules.add("pass out proto udp from self port " + self.bridge().mediaPort());
        }
        return String.join("\n", rules);
    }

    /** The router's: rdr-to for the public ports, and the flows between the VMs it passes. */
    public static String router(Topology topology, Site.Ports ports) {
        List<Topology.Flow> flows = topology.flows(ports);
        List<String> rules = new ArrayList<>();
        if (topology.relays()) {
            rules.add("table " + BRIDGES + " const " + list(topology.bridges().stream().map(Topology.Host::address)
                    .collect(Collectors.toCollection(LinkedHashSet::new))));
        }
        // The web ports to every nginx (round-robin over several), each bridge's media port to it.
        Set<String> webPorts = new LinkedHashSet<>();
        Set<String> webs = new LinkedHashSet<>();
        flows.stream().filter(f -> f.from() == null && f.what().equals("web")).forEach(f -> {
            webPorts.add(Integer.toString(f.port()));
            webs.add(f.to().address());
        });
        rules.add("pass in on egress proto tcp to port " + list(webPorts) + " rdr-to " + list(webs)
                + (webs.size() > 1 ? " round-robin" : ""));
        flows.stream().filter(f -> f.from() == null && f.what().equals("media")).forEach(f -> rules.add(
                "pass in on egress proto udp to port " + f.port() + " rdr-to " + f.to().address()));
        Map<String, Set<String>> between = new LinkedHashMap<>();
        flows.stream().filter(f -> f.from() != null).forEach(f -> between.computeIfAbsent("proto " + f.proto() + " from %s to "
                + f.to().address() + " port " + f.port(), k -> new LinkedHashSet<>()).add(f.from().address()));
        between.forEach((rule, from) -> rules.add("pass in " + rule.formatted(list(from))));
        if (topology.relays()) {
            topology.bridges().forEach(b -> rules.add("pass in proto udp from " + BRIDGES + " to " + b.address() + " port "
                    + b.bridge().mediaPort()));
        }
        topology.router().map(Topology.Router::resolver).ifPresent(r -> rules.add("pass in proto { udp tcp } from "
                + list(topology.hosts().stream().map(Topology.Host::address).collect(Collectors.toCollection(LinkedHashSet::new)))
                + " to any port domain rdr-to " + r));
        return String.join("\n", rules);
    }

    private record Key(String proto, int port) {}

    private static Map<Key, Set<String>> group(List<Topology.Flow> flows, java.util.function.Function<Topology.Flow, String> what) {
        Map<Key, Set<String>> out = new LinkedHashMap<>();
        flows.forEach(f -> out.computeIfAbsent(new Key(f.proto(), f.port()), k -> new LinkedHashSet<>()).add(what.apply(f)));
        return out;
    }

    private static String list(Set<String> items) {
        return items.size() == 1 ? items.iterator().next() : "{ " + String.join(" ", items) + " }";
    }
}
