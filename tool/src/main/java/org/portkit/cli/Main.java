package org.portkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.portkit.failure.PortkitException;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** portkit's command line: one subcommand per job. */
@Command(name = "portkit", mixinStandardHelpOptions = true, version = "portkit 0.1",
        description = "Turns Maven-built Java servers into OpenBSD ports that build offline.",
        footerHeading = "%nExit status:%n")
public final class Main implements Runnable {
    /**
     * The commands, in the order the help lists them. Picocli reflects over a command's class (its
     * options, mixins, usage) when it is added, which is a good part of a short run's time, and a run
     * needs one: only the command named first is added, all of them for the top-level help, an
     * option, a mistyped name or the manual pages' generator (it writes a page for each; hidden
     * from the list).
     */
    private static final List<Class<?>> COMMANDS = List.of(ResolveCommand.class, LockCommand.class, UpdateCommand.class,
            GenerateCommand.class, CheckCommand.class, BuildCommand.class, ArchiveCommand.class, DiffCommand.class,
            RenderConfigCommand.class, VerifyConfigCommand.class, ManPageGenerator.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String exitStatuses = exitStatusTable();
        cli.getCommandSpec().usageMessage().footer(exitStatuses);
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> c != ManPageGenerator.class && args.length > 0 && name(c).equals(args[0])).toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            cli.addSubcommand(command);
        }
        cli.getSubcommands().values().forEach(c -> {
            CommandLine.Model.UsageMessageSpec usage = c.getCommandSpec().usageMessage();
            usage.footerHeading("%nExit status:%n").footer(exitStatuses).description(Arrays.stream(summaryFirst(usage.description()))
                    // what picocli returns is interpolated already: keep a literal ${VAR} literal when it is set again
                    .map(line -> line.replace("${", "$${")).toArray(String[]::new));
            // Hidden: the port's build writes the manual pages from this very help, exit statuses included.
            usage.hidden(c.getCommand() instanceof ManPageGenerator);
        });
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

    /** The name a command is called by, as its class declares it. */
    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /**
     * A command's description as prose: lines that continue a sentence joined (a description is
     * written in source-sized pieces, and picocli starts a new line for each), and the first sentence
     * on its own, since the list of commands shows only the first line.
     */
    static String[] summaryFirst(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            int last = paragraphs.size() - 1;
            if (last >= 0 && !line.isEmpty() && !line.startsWith(" ") && !paragraphs.get(last).isEmpty()
                    && !paragraphs.get(last).startsWith(" ")
                    && !paragraphs.get(last).matches("(?s).*[.:!?]")) {
                paragraphs.set(last, paragraphs.get(last) + " " + line);
            } else {
                paragraphs.add(line);
            }
        }
        if (!paragraphs.isEmpty()) {
            java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.!?] (?=[A-Z])").matcher(paragraphs.get(0));
            if (end.find()) {
                String first = paragraphs.get(0);
                paragraphs.set(0, first.substring(end.end()));
                paragraphs.add(0, first.substring(0, end.start() + 1));
            }
        }
        return paragraphs.toArray(String[]::new);
    }

    /** One status a line, each meaning filled with a hanging indent so that no line of it starts at the margin. */
    private static String exitStatusTable() {
        return Arrays.stream(ExitStatus.values()).map(s -> {
            String label = String.format("  %-3d ", s.code);
            String filled = org.portkit.text.Text.fill(Arrays.asList(s.meaning.split(" ")), " ".repeat(label.length()), 78)
                    .stripTrailing();
            return label + filled.substring(label.length());
        }).collect(Collectors.joining("%n"));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
