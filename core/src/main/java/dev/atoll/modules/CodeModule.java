package dev.atoll.modules;

import java.util.List;

/** A code module that passed validation: its MLproject, entry point annotations and pinned requirements. */
public record CodeModule(MlProject project, String entryPointScript, ModuleAnnotations annotations, List<Requirement> requirements) {

    public CodeModule {
        requirements = List.copyOf(requirements);
    }

    /** The module's name in the catalogue and the image repository: the MLproject's {@code name}. */
    public String name() {
        return project.name();
    }

    public MlProject.EntryPoint main() {
        return project.entryPoints().get(ModuleValidator.MAIN);
    }
}
