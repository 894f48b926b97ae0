package dev.atoll.artifacts;

import dev.atoll.errors.AtollException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A relative artifact path that is known not to leave the root it is resolved against: no
 * {@code ..} segment, not absolute, no backslash, NUL or other control character, no {@code #}
 * fragment, no drive letter or URI scheme, and the same holds after every round of
 * percent-decoding (so {@code %2e%2e%2f} and {@code %252e%252e} are refused too). MLflow's
 * artifact advisories (CVE-2023-1177, CVE-2023-2780, CVE-2023-6014, CVE-2024-1560, CVE-2024-3848 and
 * others) were each a path that one of these checks catches; see ArtifactPathTest for the corpus.
 *
 * <p>The path keeps its segments as given: decoding is only used to look for hidden traversal, never
 * to build the stored name. Empty and {@code .} segments are dropped ({@code a//./b} is {@code a/b}).
 * The empty path is the root.
 */
public final class ArtifactPath {
    public static final ArtifactPath ROOT = new ArtifactPath(List.of());

    /** A longer path is almost certainly an attack or a bug; file systems refuse it anyway. */
    static final int MAX_LENGTH = 4096;
    static final int MAX_SEGMENT_BYTES = 255;
    private static final int MAX_DECODE_ROUNDS = 10;
    private static final Pattern DRIVE_OR_SCHEME = Pattern.compile("^([A-Za-z]:.*|[A-Za-z][A-Za-z0-9+.\\-]*:)$");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final List<String> segments;

    private ArtifactPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses a path as it arrives from a client (already URL-decoded once by HTTP); null or empty
     * means the root. Throws INVALID_PARAMETER_VALUE naming the path and the rule it broke.
     */
    public static ArtifactPath parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return ROOT;
        }
        if (raw.length() > MAX_LENGTH) {
            throw invalid(raw, "it is longer than " + MAX_LENGTH + " characters");
        }
        String candidate = raw;
        for (int round = 0; ; round++) {
            checkForm(raw, candidate);
            String decoded = percentDecode(candidate);
            if (decoded.equals(candidate)) {
                break;
            }
            if (round == MAX_DECODE_ROUNDS) {
                throw invalid(raw, "it is percent-encoded more than " + MAX_DECODE_ROUNDS + " times");
            }
            candidate = decoded;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw invalid(raw, "its segment '" + shorten(segment) + "' is longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
            segments.add(segment);
        }
        return new ArtifactPath(segments);
    }

    /** The checks, applied to the raw path and to each of its percent-decoded forms. */
    private static void checkForm(String raw, String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == '\0') {
                throw invalid(raw, "it contains a NUL character");
            }
            if (c < 0x20 || c == 0x7f) {
                throw invalid(raw, "it contains the control character U+" + String.format("%04X", (int) c));
            }
            if (c == '\\') {
                throw invalid(raw, "it contains a backslash; use '/' between segments");
            }
            if (c == '#') {
                throw invalid(raw, "it contains '#'");
            }
        }
        if (form.startsWith("/") || form.startsWith("~")) {
            throw invalid(raw, "it is absolute; give a path relative to the artifact root");
        }
        if (DRIVE_OR_SCHEME.matcher(form.split("/", 2)[0]).matches()) {
            throw invalid(raw, "its first segment looks like a drive letter or URI scheme ('" + shorten(form.split("/", 2)[0]) + "')");
        }
        for (String segment : form.split("/", -1)) {
            if (segment.equals("..")) {
                throw invalid(raw, "it contains a '..' segment");
            }
        }
    }

    /** Decodes %XX escapes only ('+' stays '+'); an escape that is not valid UTF-8 decodes to U+FFFD. */
    private static String percentDecode(String text) {
        if (!PERCENT_ESCAPE.matcher(text).find()) {
            return text;
        }
        // Protect '+' which URLDecoder would turn into a space, and stray '%' which it rejects.
        String protectedText = text.replace("+", "%2B").replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
        return URLDecoder.decode(protectedText, StandardCharsets.UTF_8);
    }

    private static AtollException invalid(String raw, String rule) {
        return AtollException.invalidParameter("Invalid artifact path '" + shorten(raw) + "': " + rule
                + ". Artifact paths are relative, use '/' and never leave the run's artifact root.");
    }

    private static String shorten(String text) {
        String printable = text.replace("\0", "\\0");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "...";
    }

    public List<String> segments() {
        return segments;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment, or "" for the root. */
    public String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** This path followed by {@code child} (itself a safe path). */
    public ArtifactPath resolve(ArtifactPath child) {
        List<String> joined = new ArrayList<>(segments);
        joined.addAll(child.segments);
        return new ArtifactPath(joined);
    }

    /** This path followed by {@code child}, which is parsed (and so checked) first. */
    public ArtifactPath resolve(String child) {
        return resolve(parse(child));
    }

    /** Whether {@code other} is this path or lies below it. */
    public boolean contains(ArtifactPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** {@code other} relative to this path; {@code other} must lie below it. */
    public ArtifactPath relativize(ArtifactPath other) {
        if (!contains(other)) {
            throw new IllegalArgumentException(other + " is not below " + this);
        }
        return new ArtifactPath(other.segments.subList(segments.size(), other.segments.size()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The path with '/' between segments; "" for the root. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
