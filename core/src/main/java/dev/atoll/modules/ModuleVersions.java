package dev.atoll.modules;

import dev.atoll.errors.AtollException;

import java.util.regex.Pattern;

/** Rules every catalogue adapter applies to a version before it records it. */
public final class ModuleVersions {
    /** Versions become image tags, so they follow Docker's tag rule. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private ModuleVersions() {
    }

    public static void checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw AtollException.invalidParameter("module version '" + version + "' is not valid — use letters, digits, '.', '_' or '-'"
                    + " (at most 128, not starting with '.' or '-'), e.g. 1.0.0");
        }
    }

    /** The refusal for a version that exists with different content. */
    public static AtollException conflict(ModuleVersion existing) {
        return AtollException.alreadyExists("module " + existing.coordinates() + " is already published with different content (commit "
                + existing.gitCommit() + ", image " + existing.imageDigest() + ") — published versions never change; publish a new version");
    }
}
