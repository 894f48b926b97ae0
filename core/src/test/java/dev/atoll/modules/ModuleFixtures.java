package dev.atoll.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a fixture code module (test resources, named for the scenario) into a directory a test may change. */
public final class ModuleFixtures {
    private ModuleFixtures() {
    }

    public static Path copy(String scenario, Path target) {
        try {
            java.net.URI uri = ModuleFixtures.class.getResource("fixtures/" + scenario).toURI();
            if (uri.getScheme().equals("jar")) {
                // Other modules read the fixtures from atoll-core's test jar.
                try {
                    java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                    // reuse it
                }
            }
            Path source = Path.of(uri);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture module " + scenario, e);
        }
    }
}
