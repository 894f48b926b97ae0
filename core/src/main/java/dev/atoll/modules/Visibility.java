package dev.atoll.modules;

/** Who sees a published module: everyone, or only its owner. */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
