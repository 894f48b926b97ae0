package dev.atoll.modules;

import java.util.List;
import java.util.Optional;

/** The module catalogue: published module versions, immutable once recorded. */
public interface ModuleCatalogue {

    enum Recorded {
        /** The version is new and now recorded. */
        CREATED,
        /** The same version with the same content was already recorded; nothing changed. */
        UNCHANGED
    }

    /**
     * Records a published version, atomically. A version already recorded with other content is refused
     * ({@code RESOURCE_ALREADY_EXISTS}) and the stored record stays as it was.
     */
    Recorded record(ModuleVersion version);

    /** The version regardless of visibility; for publishing, which must see every name. */
    Optional<ModuleVersion> get(String name, String version);

    /** The version if {@code viewer} may see it. */
    default Optional<ModuleVersion> find(String name, String version, String viewer) {
        return get(name, version).filter(found -> found.visibleTo(viewer));
    }

    /** Matching versions the viewer may see, by name, newest version of a name first. */
    List<ModuleVersion> search(ModuleQuery query);
}
