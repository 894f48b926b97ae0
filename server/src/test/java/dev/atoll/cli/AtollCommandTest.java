package dev.atoll.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AtollCommandTest {
    private static final String[] ALL = {"server", "init", "modules", "publish", "models", "diff", "report", "help"};

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndKeepsTheInheritedOptions() {
        var cli = AtollCommand.commandLine("diff", "--debug", "a.csv", "b.csv");
        assertThat(cli.getSubcommands()).containsOnlyKeys("diff");
        assertThat(cli.parseArgs("diff", "--debug", "a.csv", "b.csv").subcommand().matchedOption("--debug")).isNotNull();
    }

    @Test
    void helpOptionsFirstAndMistypedNamesGetAllSubcommands() {
        assertThat(AtollCommand.commandLine().getSubcommands()).containsOnlyKeys(ALL);
        assertThat(AtollCommand.commandLine("--help").getSubcommands()).containsOnlyKeys(ALL);
        assertThat(AtollCommand.commandLine("help", "diff").getSubcommands()).containsOnlyKeys(ALL);
        assertThat(AtollCommand.commandLine("dif").getSubcommands()).containsOnlyKeys(ALL);
    }

    /**
     * Every command and subcommand answers --help with its usage and exit code 0; not help itself
     * (it takes a command name), nor the models subcommands, where --version names a model version.
     */
    @Test
    void everyCommandAnswersHelp() {
        List<String[]> lines = new ArrayList<>();
        collect(AtollCommand.commandLine(), new ArrayList<>(), lines);
        assertThat(lines).hasSizeGreaterThan(ALL.length);
        for (String[] line : lines) {
            CliRun run = CliRun.of(line);
            assertThat(run.exitCode()).as(String.join(" ", line)).isZero();
            assertThat(run.out()).as(String.join(" ", line)).startsWith("Usage: atoll");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> lines) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name) || path.equals(List.of("models"))) {
                return; // the help command, aliases (modules list = modules search), models' subcommands
            }
            List<String> here = new ArrayList<>(path);
            here.add(name);
            List<String> line = new ArrayList<>(here);
            line.add("--help");
            lines.add(line.toArray(String[]::new));
            collect(sub, here, lines);
        });
    }
}
