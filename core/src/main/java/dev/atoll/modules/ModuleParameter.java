package dev.atoll.modules;

/**
 * A parameter of a code module as its {@code @parameter} annotation declares it. {@code defaultValue}
 * is the Python literal as written (e.g. {@code 0.5}, {@code "adam"}, {@code [1, 2]}), or null.
 */
public record ModuleParameter(String name, ParameterType type, boolean required, String defaultValue, String description) {
}
