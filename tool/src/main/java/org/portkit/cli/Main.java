package org.portkit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.portkit.failure.PortkitException;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** portkit's command line: one subcommand per job. */
@Command(name = "portkit", mixinStandardHelpOptions = true, version = "portkit 0.1",
        description = "Turns Maven-built Java servers into OpenBSD ports that build offline.",
        subcommands = {ResolveCommand.class, LockCommand.class, UpdateCommand.class, GenerateCommand.class, CheckCommand.class,
                BuildCommand.class, ArchiveCommand.class, DiffCommand.class, RenderConfigCommand.class, VerifyConfigCommand.class},
        footerHeading = "%nExit status:%n")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.getCommandSpec().usageMessage().footer(exitStatusTable());
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().usageMessage().footerHeading("%nExit status:%n")
                .footer(exitStatusTable()));
        // Hidden: the port's build writes the manual pages from this very help, exit statuses included.
        CommandLine manPages = new CommandLine(new ManPageGenerator());
        manPages.getCommandSpec().usageMessage().hidden(true);
        cli.addSubcommand(manPages);
        cli.setExitCodeExceptionMapper(t -> t instanceof PortkitException p ? ExitStatus.of(p.kind()).code : ExitStatus.INTERNAL.code);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof PortkitException p) {
                err.println("portkit: " + p.getMessage());
                return ExitStatus.of(p.kind()).code;
            }
            err.println("portkit: internal error: " + e);
            e.printStackTrace(err);
            return ExitStatus.INTERNAL.code;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("portkit: " + e.getMessage());
            e.getCommandLine().getErr().println("Run 'portkit " + (e.getCommandLine() == cli ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help' for usage.");
            return ExitStatus.USAGE.code;
        });
        return cli.execute(args);
    }

    private static String exitStatusTable() {
        return Arrays.stream(ExitStatus.values()).map(s -> String.format("  %d  %s", s.code, s.meaning))
                .collect(Collectors.joining("%n"));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
