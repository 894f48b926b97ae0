package dev.atoll.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} alone, for a command whose own {@code --version} option (a module's version)
 * rules out picocli's standard pair of help options.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
