package dev.atoll.modules;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Builds a container image from a prepared build context and pushes it to a registry (Docker, in the server). */
public interface ImagePublisher {

    /**
     * Builds {@code context} (which holds a {@code Dockerfile}) as {@code reference}, pushes it, and
     * returns the registry's content digest ({@code sha256:...}). Build or push failures throw
     * {@link dev.atoll.errors.AtollException} with the engine's message.
     */
    String buildAndPush(Path context, String reference, Consumer<String> progress);
}
