package dev.atoll.modules;

/** One pinned line of {@code requirements.txt}: {@code name==version} (extras and markers kept as written). */
public record Requirement(String name, String version, int line) {

    /** PEP 503 normalisation: the name pip compares, so {@code Foo_Bar} and {@code foo-bar} are duplicates. */
    public String normalizedName() {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
