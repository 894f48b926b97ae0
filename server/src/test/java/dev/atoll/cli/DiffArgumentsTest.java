package dev.atoll.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff command line read without picocli agrees with picocli wherever it reads one, and the runs agree. */
class DiffArgumentsTest {
    @TempDir
    Path dir;

    private static final String[] TOKENS = {
            "old.csv", "new.csv", "data/", "x y.csv", "--key", "id", "--key=id", "--key=", "--format", "json", "html", "markdown",
            "--format=json", "--format=JSON", "--format=xml", "--output", "out.json", "--output=r.md", "--repo", "repo",
            "--repo=.", "--debug", "--help", "-h", "--version", "-V", "--", "-", "@args.txt", "--keys", "--key-column",
            "--unknown", "-k", "diff", "report"};

    /** Random command lines from options, values and mistakes: where the quick reading gives values, picocli gives the same. */
    @Test
    void agreesWithPicocliOnEveryLineItReads() {
        Random random = new Random(17);
        int read = 0;
        for (int round = 0; round < 20_000; round++) {
            List<String> args = new ArrayList<>();
            if (random.nextInt(8) == 0) {
                args.add("--debug");
            }
            args.add(random.nextInt(12) == 0 ? "report" : "diff");
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                args.add(random.nextInt(3) == 0 ? "old.csv" : TOKENS[random.nextInt(TOKENS.length)]);
            }
            String[] line = args.toArray(String[]::new);
            DiffArguments quick = DiffArguments.parse(line);
            if (quick == null) {
                continue;
            }
            read++;
            CommandLine cli = AtollCommand.commandLine(line);
            CommandLine.ParseResult parsed;
            try {
                parsed = cli.parseArgs(line);
            } catch (CommandLine.ParameterException refused) {
                throw new AssertionError("read " + args + " that picocli refuses: " + refused.getMessage(), refused);
            }
            DiffCommand viaPicocli = cli.getSubcommands().get("diff").getCommand();
            DiffCommand viaQuick = quick.command();
            assertThat(viaQuick.arguments).as("%s", args).isEqualTo(viaPicocli.arguments);
            assertThat(viaQuick.key).as("%s", args).isEqualTo(viaPicocli.key);
            assertThat(viaQuick.format).as("%s", args).isEqualTo(viaPicocli.format);
            assertThat(viaQuick.repo).as("%s", args).isEqualTo(viaPicocli.repo);
            assertThat(viaQuick.output.output).as("%s", args).isEqualTo(viaPicocli.output.output);
            boolean debug = parsed.matchedOption("--debug") != null || parsed.subcommand().matchedOption("--debug") != null;
            assertThat(quick.debug()).as("%s", args).isEqualTo(debug);
        }
        assertThat(read).as("lines read without picocli").isGreaterThan(500);
    }

    /** Every option of the diff command is one the quick reading knows (else it would leave lines with it to picocli, silently). */
    @Test
    void knowsEveryOptionOfTheDiffCommand() {
        CommandLine diff = AtollCommand.commandLine("diff", "a", "b").getSubcommands().get("diff");
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : diff.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) { // --help, --version: left to picocli
                names.addAll(List.of(option.names()));
            }
        }
        names.remove("--debug"); // inherited from atoll; read anywhere
        assertThat(names).isEqualTo(new TreeSet<>(DiffArguments.VALUED));
    }

    /** The same diff through both readings prints the same bytes, and a user error the same message and exit code. */
    @Test
    void runsAsPicocliRunsIt() throws Exception {
        Path old = Files.writeString(dir.resolve("old.csv"), "id,city\n1,Zürich\n2,Łódź\n");
        Path fresh = Files.writeString(dir.resolve("new.csv"), "id,city\n1,Zürich\n2,Kraków\n3,Oslo\n");
        String[] line = {"diff", old.toString(), fresh.toString(), "--key", "id", "--format", "json"};
        assertThat(DiffArguments.parse(line)).isNotNull();
        CliRun quick = CliRun.of(line);
        CliRun picocli = CliRun.viaPicocli(line);
        assertThat(quick.exitCode()).isZero();
        assertThat(quick.out()).contains("Krak").isEqualTo(picocli.out()); // encoded alike, whatever the platform charset

        String[] missing = {"--debug", "diff", old.toString(), dir.resolve("gone.csv").toString()};
        assertThat(DiffArguments.parse(missing)).isNotNull();
        CliRun failed = CliRun.of(missing);
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.USER_ERROR).isEqualTo(CliRun.viaPicocli(missing).exitCode());
        assertThat(failed.err()).startsWith("error: file " + dir.resolve("gone.csv") + " does not exist").contains("at dev.atoll");

        Path report = dir.resolve("report.md");
        assertThat(CliRun.of("diff", old.toString(), fresh.toString(), "--output=" + report).exitCode()).isZero();
        assertThat(Files.readString(report)).contains("| added | 1 |");
    }

    /** A line the quick reading leaves alone still gets picocli's usage message, or its help. */
    @Test
    void leavesMistakesAndHelpToPicocli() {
        CliRun help = CliRun.of("diff", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: atoll diff").contains("--key=COLUMN");
        String[] line = {"diff", "old.csv", "--kee", "id"};
        assertThat(DiffArguments.parse(line)).isNull();
        CliRun run = CliRun.of(line);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--kee'");
    }
}
