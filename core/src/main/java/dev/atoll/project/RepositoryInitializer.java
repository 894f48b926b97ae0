package dev.atoll.project;

import dev.atoll.errors.AtollException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code atoll init}: turns an existing git repository into a data, code or ML repository. It only
 * creates what is missing, so a second run changes nothing, and it never overwrites a file the user
 * has: a file that differs from the template is kept and reported. Refusals (not a git repository, a
 * different kind already declared, a conflicting {@code .gitattributes} line) change nothing at all.
 */
public final class RepositoryInitializer {
    public static final String ATOLL_YML = "atoll.yml";
    public static final String GITATTRIBUTES = ".gitattributes";
    public static final String HELPER = "atoll_helper.py";
    private static final Pattern KIND_LINE = Pattern.compile("(?m)^kind:\\s*([A-Za-z]+)\\s*(?:#.*)?$");
    private static final String LFS_ATTRIBUTES = "filter=lfs diff=lfs merge=lfs -text";
    /** What {@code git lfs install --local} writes, so git with git-lfs and JGit's built-in LFS both filter. */
    private static final Map<String, String> LFS_FILTER = Map.of(
            "clean", "git-lfs clean -- %f",
            "smudge", "git-lfs smudge -- %f",
            "process", "git-lfs filter-process",
            "required", "true",
            "useJGitBuiltin", "true");

    private RepositoryInitializer() {
    }

    public static List<InitStep> init(Path dir, InitOptions options) {
        Path root = workTree(dir);
        kindInFile(root).filter(existing -> !existing.equals(options.kind().id())).ifPresent(existing -> {
            throw AtollException.invalidParameter(root.resolve(ATOLL_YML) + " already declares kind: " + existing
                    + ", not " + options.kind().id() + " — a repository has one kind; use another repository, or edit atoll.yml if it was a mistake");
        });
        List<InitStep> steps = new ArrayList<>();
        switch (options.kind()) {
            case DATA -> {
                List<String> lines = gitattributesToAdd(root, options.lfsPatterns());
                steps.add(file(root, ATOLL_YML, template("data-atoll.yml", Map.of())));
                steps.add(appendLines(root, lines));
                steps.add(lfsFilterConfig(root));
            }
            case CODE -> {
                String module = options.moduleName() != null ? options.moduleName() : existingModuleName(root).orElse(moduleName(root));
                Map<String, String> values = Map.of("module", module, "author", System.getProperty("user.name", "me"));
                steps.add(file(root, ATOLL_YML, template("code-atoll.yml", values)));
                steps.add(file(root, "MLproject", template("code-MLproject", values)));
                steps.add(file(root, "main.py", template("code-main.py", values)));
                steps.add(file(root, "requirements.txt", template("code-requirements.txt", values)));
                steps.add(file(root, HELPER, PythonHelper.source()));
            }
            case ML -> steps.add(file(root, ATOLL_YML, template("ml-atoll.yml", Map.of())));
        }
        return steps;
    }

    /** The root of the work tree {@code dir} belongs to; refuses bare repositories and plain directories. */
    private static Path workTree(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            throw AtollException.invalidParameter(absolute + " is not inside a git repository — run 'git init' (or clone) first, then 'atoll init' again");
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            if (repository.isBare()) {
                throw AtollException.invalidParameter(repository.getDirectory() + " is a bare repository — run 'atoll init' in a clone with a work tree");
            }
            Path root = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            if (!root.equals(absolute)) {
                throw AtollException.invalidParameter(absolute + " is inside the git repository " + root
                        + " but not its root — run 'atoll init' in " + root + " (atoll.yml describes the whole repository)");
            }
            return root;
        } catch (IOException e) {
            throw AtollException.invalidParameter("cannot open the git repository at " + absolute + ": " + e.getMessage() + " — check that .git is readable");
        }
    }

    private static Optional<String> kindInFile(Path root) {
        Path yml = root.resolve(ATOLL_YML);
        if (!Files.isRegularFile(yml)) {
            return Optional.empty();
        }
        Matcher matcher = KIND_LINE.matcher(read(yml));
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static InitStep file(Path root, String name, String content) {
        Path target = root.resolve(name);
        if (Files.exists(target)) {
            if (read(target).equals(content)) {
                return new InitStep(name, InitStep.Outcome.UNCHANGED, "");
            }
            return new InitStep(name, InitStep.Outcome.KEPT, "exists and differs from Atoll's template; Atoll never overwrites your files"
                    + " (delete it and run 'atoll init' again to get the template)");
        }
        write(target, content);
        return new InitStep(name, InitStep.Outcome.CREATED, "");
    }

    /**
     * The {@code .gitattributes} lines still missing for the patterns. A pattern the user already gave
     * other attributes is a conflict: refused before anything is written.
     */
    private static List<String> gitattributesToAdd(Path root, List<String> patterns) {
        Path file = root.resolve(GITATTRIBUTES);
        List<String> existing = Files.isRegularFile(file) ? read(file).lines().map(String::strip).toList() : List.of();
        List<String> missing = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.chars().anyMatch(Character::isWhitespace)) {
                throw AtollException.invalidParameter("LFS pattern '" + pattern + "' is empty or contains spaces — give a gitattributes pattern such as *.csv or data/**");
            }
            Optional<String> line = existing.stream().filter(l -> l.startsWith(pattern + " ") || l.startsWith(pattern + "\t") || l.equals(pattern)).findFirst();
            if (line.isEmpty()) {
                missing.add(pattern + " " + LFS_ATTRIBUTES);
            } else if (!line.get().contains("filter=lfs")) {
                throw AtollException.invalidParameter(".gitattributes already has '" + line.get() + "' for " + pattern
                        + ", without filter=lfs — add filter=lfs diff=lfs merge=lfs -text to that line yourself, or leave " + pattern + " out with --lfs-pattern");
            }
        }
        return missing;
    }

    private static InitStep appendLines(Path root, List<String> lines) {
        Path file = root.resolve(GITATTRIBUTES);
        if (lines.isEmpty()) {
            return new InitStep(GITATTRIBUTES, InitStep.Outcome.UNCHANGED, "");
        }
        boolean existed = Files.exists(file);
        String before = existed ? read(file) : "";
        String separator = before.isEmpty() || before.endsWith("\n") ? "" : "\n";
        write(file, before + separator + String.join("\n", lines) + "\n");
        return new InitStep(GITATTRIBUTES, existed ? InitStep.Outcome.UPDATED : InitStep.Outcome.CREATED,
                lines.size() + " LFS pattern(s) added");
    }

    private static InitStep lfsFilterConfig(Path root) {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build()) {
            StoredConfig config = repository.getConfig();
            boolean changed = false;
            for (Map.Entry<String, String> entry : LFS_FILTER.entrySet()) {
                if (config.getString("filter", "lfs", entry.getKey()) == null) {
                    config.setString("filter", "lfs", entry.getKey(), entry.getValue());
                    changed = true;
                }
            }
            if (changed) {
                config.save();
            }
            return new InitStep(".git/config [filter \"lfs\"]", changed ? InitStep.Outcome.UPDATED : InitStep.Outcome.UNCHANGED, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LFS filter to .git/config in " + root, e);
        }
    }

    /** A second run without --name keeps the name the first run (or the user) wrote into MLproject. */
    private static Optional<String> existingModuleName(Path root) {
        Path mlproject = root.resolve("MLproject");
        if (!Files.isRegularFile(mlproject)) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("(?m)^name:\\s*([^\\s#]+)").matcher(read(mlproject));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The directory name as a valid module name: lower case, runs of other characters become '-'. */
    static String moduleName(Path root) {
        String name = root.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "module" : name;
    }

    private static String template(String name, Map<String, String> values) {
        try (InputStream in = RepositoryInitializer.class.getResourceAsStream("templates/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
