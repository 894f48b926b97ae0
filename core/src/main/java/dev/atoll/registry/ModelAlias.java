package dev.atoll.registry;

/** A named pointer ({@code champion}) from a registered model to one of its versions. */
public record ModelAlias(String alias, long version) {
}
