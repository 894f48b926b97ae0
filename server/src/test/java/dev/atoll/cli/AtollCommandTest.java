package dev.atoll.cli;

import org.junit.jupiter.api.Test;

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
}
