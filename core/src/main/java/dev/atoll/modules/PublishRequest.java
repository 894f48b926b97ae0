package dev.atoll.modules;

import java.nio.file.Path;

/**
 * What {@code atoll publish} publishes: the module in {@code dir} as {@code version}, to the image
 * registry {@code registry} (host[:port][/namespace]), built on {@code baseImage}, owned by {@code owner}.
 */
public record PublishRequest(Path dir, String version, String registry, String baseImage, String owner) {
    public static final String DEFAULT_BASE_IMAGE = "atoll/python-base:bookworm";
}
