package org.portkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.site.SiteVerifier;
import org.portkit.site.TopologyVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify-config", mixinStandardHelpOptions = true,
        description = {"Checks a rendered Jitsi Meet site (render-config's DIR, or a copy of a host's",
                "files) for what must agree across its files as the programs read them: one",
                "domain, accounts and passwords, TLS on c2s, focus.DOMAIN and focus's roster,",
                "who creates rooms, the brewery, the web app's XMPP URLs, SSI and room URLs,",
                "SCTP off, colibri websockets, TURN, files present, what faces the network,",
                "rcctl, unknown daemon keys. Exit 0 when coherent, 10 with every finding listed."})
final class VerifyConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() {
        // A topology's hosts are checked against each other; one host's files against themselves.
        List<SiteVerifier.Finding> findings = TopologyVerifier.isTopology(dir) ? TopologyVerifier.verify(dir)
                : SiteVerifier.verify(dir);
        findings.forEach(f -> System.out.println(f));
        if (!findings.isEmpty()) {
            throw new PortkitException(Failure.INCOHERENT, findings.size() + " problem(s) in the site under " + dir
                    + " (listed above)");
        }
        System.out.println("the site under " + dir + " is coherent");
        return 0;
    }
}
