package org.portkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;
import org.portkit.license.LicenseSummary;
import org.portkit.port.Lint;
import org.portkit.port.PortTree;
import org.portkit.workspace.Tree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Regenerates every port in memory and compares it with ports/: exit 0 when current,",
                "otherwise a unified diff and exit 7. Lints each port (exit 8 on a finding, a non-free license",
                "under PERMIT_PACKAGE = Yes among them) and names the distfiles still unverified and the",
                "artifacts whose license is unknown."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    PortsOptions ports;

    @Override
    public Integer call() throws Exception {
        boolean stale = false;
        List<Lint.Finding> findings = new ArrayList<>();
        for (Tree.Port port : ports.load()) {
            for (Lint.Finding f : port.generated().lint()) {
                findings.add(new Lint.Finding("ports/" + port.path() + "/" + f.file(), f.line(), f.rule(), f.message()));
            }
            String diff = PortTree.diff("ports/" + port.path(), PortTree.read(port.dir()), port.files());
            if (!diff.isEmpty()) {
                stale = true;
                System.out.print(diff);
            }
            LicenseSummary licenses = LicenseSummary.of(port.lock());
            if (!licenses.unknown().isEmpty()) {
                System.out.println(port.path() + ": " + licenses.unknown().size()
                        + " artifacts whose license is unknown: see the license lines of specs/" + port.path()
                        + "/portkit.lock");
            }
            port.generated().unverified().forEach(u -> System.out.println(port.path() + ": unverified (no checksum yet): " + u));
        }
        findings.forEach(f -> System.out.println(f));
        if (!findings.isEmpty()) {
            throw new PortkitException(Failure.LINT, findings.size() + " lint finding(s) (listed above)");
        }
        if (stale) {
            throw new PortkitException(Failure.STALE, "ports differ from their specs and locks (diff above);"
                    + " run 'portkit generate' and commit the result");
        }
        return 0;
    }
}
