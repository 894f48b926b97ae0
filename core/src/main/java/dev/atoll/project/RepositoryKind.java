package dev.atoll.project;

import java.util.Locale;

/** What a repository is, as {@code atoll.yml}'s {@code kind} says. */
public enum RepositoryKind {
    DATA,
    CODE,
    ML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
