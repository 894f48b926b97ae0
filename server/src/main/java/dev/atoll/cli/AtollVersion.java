package dev.atoll.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it is never out of step with the build. */
public final class AtollVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = AtollCommand.class.getPackage().getImplementationVersion();
        return new String[] {"atoll " + (version == null ? "development build" : version)};
    }
}
