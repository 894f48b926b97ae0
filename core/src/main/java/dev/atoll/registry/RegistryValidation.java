package dev.atoll.registry;

import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.errors.AtollException;
import dev.atoll.tracking.Tag;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Input rules of the registry API, with MLflow's limits and messages. */
final class RegistryValidation {
    static final int MAX_NAME = 256;
    static final int MAX_TAG_KEY = 250;
    static final int MAX_TAG_VALUE = 5000;
    static final int MAX_ALIAS = 255;
    private static final Pattern ALIAS = Pattern.compile("[\\w\\-]+");
    private static final Pattern RESERVED_ALIAS = Pattern.compile("(?i)latest|v\\d+");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

    private RegistryValidation() {
    }

    static void modelName(String name) {
        if (name == null || name.isEmpty()) {
            throw AtollException.invalidParameter("Registered model name cannot be empty.");
        }
        if (name.length() > MAX_NAME) {
            throw AtollException.invalidParameter("Registered model name '" + name.substring(0, 40)
                    + "...' is " + name.length() + " characters long; the limit is " + MAX_NAME + ".");
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            throw AtollException.invalidParameter("Registered model name '" + name.replace("\0", "\\0")
                    + "' contains a control character; use printable characters.");
        }
    }

    static long version(String version) {
        if (version == null || version.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'version'.");
        }
        try {
            long parsed = Long.parseLong(version.strip());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw AtollException.invalidParameter("Model version must be a positive integer, got '" + version + "'.");
        }
    }

    static void tag(Tag tag, String what) {
        if (tag == null || tag.key() == null || tag.key().isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'key' of a " + what + " tag.");
        }
        if (tag.key().length() > MAX_TAG_KEY) {
            throw AtollException.invalidParameter("Tag key '" + tag.key().substring(0, 40) + "...' had length " + tag.key().length()
                    + ", which exceeded length limit of " + MAX_TAG_KEY + ".");
        }
        if (tag.value() != null && tag.value().length() > MAX_TAG_VALUE) {
            throw AtollException.invalidParameter("Tag value for key '" + tag.key() + "' had length " + tag.value().length()
                    + ", which exceeded length limit of " + MAX_TAG_VALUE + ".");
        }
    }

    static void tags(List<Tag> tags, String what) {
        tags.forEach(tag -> tag(tag, what));
    }

    static void alias(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw AtollException.invalidParameter("Registered model alias name cannot be empty.");
        }
        if (alias.length() > MAX_ALIAS) {
            throw AtollException.invalidParameter("Alias name '" + alias.substring(0, 40) + "...' exceeds the maximum length of " + MAX_ALIAS + ".");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw AtollException.invalidParameter("Invalid alias name: '" + alias
                    + "'. Names may only contain alphanumerics, underscores (_) and dashes (-).");
        }
        if (RESERVED_ALIAS.matcher(alias).matches()) {
            throw AtollException.invalidParameter("'" + alias + "' alias name (case insensitive) is reserved: "
                    + "'latest' and 'v<number>' already name versions. Choose another alias.");
        }
    }

    /**
     * A model version source must name remote or registry storage: never a local file, never a path
     * that climbs out of where it points ({@code ..}, encoded or not) or hides a fragment (MLflow's
     * CVE-2023-6909 and CVE-2024-1594 were sources like {@code file:///etc#...}).
     */
    static void source(String source) {
        if (source == null || source.isEmpty()) {
            throw AtollException.invalidParameter("Missing value for required parameter 'source'.");
        }
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException e) {
            throw AtollException.invalidParameter("Invalid model version source '" + source + "': it is not a URI (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEME.matcher(scheme).matches() || scheme.length() == 1) {
            throw AtollException.invalidParameter("Invalid model version source '" + source
                    + "': local paths are not accepted; register a runs:/, models:/ or artifact store URI.");
        }
        if (scheme.toLowerCase(Locale.ROOT).equals("file")) {
            throw AtollException.invalidParameter("Invalid model version source '" + source
                    + "': file: URIs are not accepted; log the model to the run's artifacts and register runs:/<run_id>/<path>.");
        }
        if (source.contains("#") || uri.getRawQuery() != null) {
            throw AtollException.invalidParameter("Invalid model version source '" + source + "': it may not contain a query or a '#' fragment.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        try {
            ArtifactPath.parse(path.replaceFirst("^/+", ""));
        } catch (AtollException e) {
            throw AtollException.invalidParameter("Invalid model version source '" + source + "': " + e.getMessage());
        }
    }
}
