package dev.atoll.artifacts;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactPathTest {

    /**
     * The traversal corpus: each string was (or is a variant of) an exploit in one of MLflow's
     * published advisories on artifact paths, or a classic from the same family. Every one must be
     * refused. The HTTP tests send the same corpus through the routes (TraversalCorpus).
     */
    static Stream<String> traversalCorpus() {
        return TraversalCorpus.PATHS.stream();
    }

    @ParameterizedTest
    @MethodSource("traversalCorpus")
    void refusesEveryPathOfTheTraversalCorpus(String attack) {
        assertThatThrownBy(() -> ArtifactPath.parse(attack))
                .isInstanceOf(AtollException.class)
                .satisfies(e -> assertThat(((AtollException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessageStartingWith("Invalid artifact path '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"model/MLmodel", "a", "deep/er/still/file.bin", "with space/x y.txt", "model:v1/ok",
            "a/b:c", "caf\u00e9/\u6a21\u578b.pkl", "100%/done", "a+b", "...", "..a/b..", ".hidden/.x", "a/%zz"})
    void acceptsOrdinaryNames(String path) {
        assertThat(ArtifactPath.parse(path).toString()).isEqualTo(path);
    }

    @Test
    void dropsEmptyAndDotSegments() {
        assertThat(ArtifactPath.parse("a//./b/").segments()).containsExactly("a", "b");
        assertThat(ArtifactPath.parse("./model").toString()).isEqualTo("model");
    }

    @Test
    void nullAndEmptyAreTheRoot() {
        assertThat(ArtifactPath.parse(null).isRoot()).isTrue();
        assertThat(ArtifactPath.parse("").isRoot()).isTrue();
        assertThatThrownBy(() -> ArtifactPath.parse("/")).isInstanceOf(AtollException.class);
    }

    @Test
    void theMessageNamesThePathAndTheRule() {
        assertThatThrownBy(() -> ArtifactPath.parse("model/%252e%252e/etc"))
                .hasMessageContaining("'model/%252e%252e/etc'")
                .hasMessageContaining("'..' segment");
        assertThatThrownBy(() -> ArtifactPath.parse("a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> ArtifactPath.parse("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void refusesOverlongPathsAndSegments() {
        assertThatThrownBy(() -> ArtifactPath.parse("a/".repeat(2100))).hasMessageContaining("longer than 4096");
        assertThatThrownBy(() -> ArtifactPath.parse("x".repeat(256))).hasMessageContaining("longer than 255 bytes");
        assertThat(ArtifactPath.parse("x".repeat(255)).name()).hasSize(255);
    }

    @Test
    void refusesEncodingNestedPastTheLimit() {
        String path = "..";
        for (int i = 0; i < 12; i++) {
            path = path.replace("%", "%25").replace(".", "%2e");
        }
        String nested = path;
        assertThatThrownBy(() -> ArtifactPath.parse(nested)).isInstanceOf(AtollException.class);
    }

    @Test
    void resolvesRelativizesAndContains() {
        ArtifactPath run = ArtifactPath.parse("1/abc/artifacts");
        ArtifactPath file = run.resolve("model/MLmodel");
        assertThat(file.toString()).isEqualTo("1/abc/artifacts/model/MLmodel");
        assertThat(run.contains(file)).isTrue();
        assertThat(file.contains(run)).isFalse();
        assertThat(run.relativize(file).toString()).isEqualTo("model/MLmodel");
        assertThat(ArtifactPath.parse("1/abc/artifactsX").equals(file)).isFalse();
        assertThat(run.contains(ArtifactPath.parse("1/abc/artifactsX"))).isFalse();
        assertThatThrownBy(() -> run.resolve("../other")).isInstanceOf(AtollException.class);
    }
}
