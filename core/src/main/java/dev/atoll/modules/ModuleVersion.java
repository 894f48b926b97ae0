package dev.atoll.modules;

import java.time.Instant;
import java.util.List;

/**
 * One published version of a code module, as the catalogue records it. {@code contentDigest} is the
 * SHA-256 of the module's files, so publishing the same version twice is recognised as a repeat and
 * publishing different content under an existing version is refused.
 */
public record ModuleVersion(
        String name,
        String version,
        ModuleType type,
        Visibility visibility,
        String owner,
        String displayName,
        String description,
        String inputType,
        String outputType,
        String gitCommit,
        String image,
        String imageDigest,
        String contentDigest,
        List<ModuleParameter> parameters,
        Instant publishedAt) {

    public ModuleVersion {
        parameters = List.copyOf(parameters);
    }

    /** Whether {@code viewer} may see this version: everyone sees public modules, only the owner private ones. */
    public boolean visibleTo(String viewer) {
        return visibility == Visibility.PUBLIC || owner.equals(viewer);
    }

    /** {@code name:version}, the way steps in atoll.yml refer to it is {@code name@version}. */
    public String coordinates() {
        return name + "@" + version;
    }
}
