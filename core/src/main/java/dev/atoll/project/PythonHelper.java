package dev.atoll.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Python helper that ships with Atoll ({@code atoll_helper.py}, standard library only): the
 * annotation decorators and MLflow REST logging. {@code atoll init --kind code} copies it next to the
 * entry point and {@code atoll publish} puts it into every module image.
 */
public final class PythonHelper {
    public static final String RESOURCE = "/dev/atoll/python/atoll_helper.py";

    private PythonHelper() {
    }

    public static String source() {
        try (InputStream in = PythonHelper.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the Atoll jar lacks " + RESOURCE, e);
        }
    }
}
