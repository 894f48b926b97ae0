package dev.atoll.registry;

import dev.atoll.errors.AtollException;

import java.util.Locale;

/** MLflow's legacy model version stages, spelled as MLflow spells them in JSON. */
public enum ModelStage {
    NONE("None"), STAGING("Staging"), PRODUCTION("Production"), ARCHIVED("Archived");

    private final String label;

    ModelStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a stage case-insensitively, as MLflow does ({@code production} is Production). */
    public static ModelStage parse(String stage) {
        if (stage != null) {
            for (ModelStage candidate : values()) {
                if (candidate.label.toLowerCase(Locale.ROOT).equals(stage.strip().toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        throw AtollException.invalidParameter("Invalid Model Version stage: " + stage
                + ". Value must be one of None, Staging, Production, Archived.");
    }
}
