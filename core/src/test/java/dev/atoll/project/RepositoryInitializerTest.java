package dev.atoll.project;

import dev.atoll.errors.AtollException;
import dev.atoll.modules.ModuleCheck;
import dev.atoll.modules.ModuleValidator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.atoll.project.InitStep.Outcome.CREATED;
import static dev.atoll.project.InitStep.Outcome.KEPT;
import static dev.atoll.project.InitStep.Outcome.UNCHANGED;
import static dev.atoll.project.InitStep.Outcome.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryInitializerTest {
    @TempDir
    Path tmp;

    private Path repo(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Git.init().setDirectory(dir.toFile()).call().close();
        return dir;
    }

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.git/objects/"))
                    .collect(Collectors.toMap(Function.identity(), f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            return "<binary>";
                        }
                    }));
        }
    }

    @Test
    void dataRepositoryGetsLfsPatternsAndFilterAndASecondRunChangesNothing() throws Exception {
        Path dir = repo("data");
        Files.writeString(dir.resolve(".gitattributes"), "*.sh text eol=lf");

        List<InitStep> first = RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.DATA, List.of("*.csv", "images/**"), null));

        assertThat(first).extracting(InitStep::path, InitStep::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("atoll.yml", CREATED),
                org.assertj.core.groups.Tuple.tuple(".gitattributes", UPDATED),
                org.assertj.core.groups.Tuple.tuple(".git/config [filter \"lfs\"]", UPDATED));
        assertThat(Files.readString(dir.resolve(".gitattributes"))).isEqualTo(
                "*.sh text eol=lf\n*.csv filter=lfs diff=lfs merge=lfs -text\nimages/** filter=lfs diff=lfs merge=lfs -text\n");
        assertThat(Files.readString(dir.resolve("atoll.yml"))).isEqualTo("kind: data\n");
        try (Git git = Git.open(dir.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            assertThat(config.getString("filter", "lfs", "clean")).isEqualTo("git-lfs clean -- %f");
            assertThat(config.getBoolean("filter", "lfs", "required", false)).isTrue();
        }

        Map<Path, String> before = snapshot(dir);
        List<InitStep> second = RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.DATA, List.of("*.csv", "images/**"), null));

        assertThat(second).extracting(InitStep::outcome).containsOnly(UNCHANGED);
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void refusesAPatternTheUserGaveOtherAttributesAndWritesNothing() throws Exception {
        Path dir = repo("conflict");
        Files.writeString(dir.resolve(".gitattributes"), "*.csv text\n");

        assertThatThrownBy(() -> RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.DATA, List.of("*.csv"), null)))
                .isInstanceOf(AtollException.class)
                .hasMessage(".gitattributes already has '*.csv text' for *.csv, without filter=lfs — add filter=lfs diff=lfs merge=lfs -text"
                        + " to that line yourself, or leave *.csv out with --lfs-pattern");
        assertThat(dir.resolve("atoll.yml")).doesNotExist();
        assertThat(Files.readString(dir.resolve(".gitattributes"))).isEqualTo("*.csv text\n");
    }

    @Test
    void codeRepositoryIsAValidModuleAndKeepsTheUsersFiles() throws Exception {
        Path dir = repo("My Module");
        Files.writeString(dir.resolve("requirements.txt"), "numpy==1.26.4\n");

        List<InitStep> first = RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.CODE, List.of(), null));

        assertThat(first).extracting(InitStep::path, InitStep::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("atoll.yml", CREATED),
                org.assertj.core.groups.Tuple.tuple("MLproject", CREATED),
                org.assertj.core.groups.Tuple.tuple("main.py", CREATED),
                org.assertj.core.groups.Tuple.tuple("requirements.txt", KEPT),
                org.assertj.core.groups.Tuple.tuple("atoll_helper.py", CREATED));
        assertThat(first.get(3).note()).contains("Atoll never overwrites your files");
        assertThat(Files.readString(dir.resolve("requirements.txt"))).isEqualTo("numpy==1.26.4\n");
        assertThat(Files.readString(dir.resolve("atoll_helper.py"))).isEqualTo(PythonHelper.source());
        ModuleCheck check = ModuleValidator.validate(dir);
        assertThat(check.problems()).isEmpty();
        assertThat(check.orThrow().name()).isEqualTo("my-module");

        Map<Path, String> before = snapshot(dir);
        assertThat(RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.CODE, List.of(), null)))
                .extracting(InitStep::outcome).containsExactly(UNCHANGED, UNCHANGED, UNCHANGED, KEPT, UNCHANGED);
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void mlRepositoryGetsASamplePipeline() throws Exception {
        Path dir = repo("ml");

        assertThat(RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.ML, List.of(), null)))
                .extracting(InitStep::outcome).containsExactly(CREATED);
        assertThat(Files.readString(dir.resolve("atoll.yml"))).startsWith("# An ML project").contains("kind: ml", "module: normalise@1.0.0");
        assertThat(RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.ML, List.of(), null)))
                .extracting(InitStep::outcome).containsExactly(UNCHANGED);
    }

    @Test
    void refusalsSayWhyAndWhatToDo() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> RepositoryInitializer.init(plain, new InitOptions(RepositoryKind.ML, List.of(), null)))
                .hasMessage(plain + " is not inside a git repository — run 'git init' (or clone) first, then 'atoll init' again");

        Path dir = repo("kinds");
        RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.ML, List.of(), null));
        assertThatThrownBy(() -> RepositoryInitializer.init(dir, new InitOptions(RepositoryKind.CODE, List.of(), null)))
                .hasMessageContaining("atoll.yml already declares kind: ml, not code — a repository has one kind");
        assertThat(dir.resolve("MLproject")).doesNotExist();

        Path sub = Files.createDirectories(dir.resolve("sub"));
        assertThatThrownBy(() -> RepositoryInitializer.init(sub, new InitOptions(RepositoryKind.ML, List.of(), null)))
                .hasMessage(sub + " is inside the git repository " + dir + " but not its root — run 'atoll init' in " + dir
                        + " (atoll.yml describes the whole repository)");

        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        assertThatThrownBy(() -> RepositoryInitializer.init(bare, new InitOptions(RepositoryKind.DATA, List.of(), null)))
                .hasMessageContaining("is a bare repository — run 'atoll init' in a clone with a work tree");
    }
}
