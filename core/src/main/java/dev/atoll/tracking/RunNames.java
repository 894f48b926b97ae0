package dev.atoll.tracking;

import java.util.List;
import java.util.random.RandomGenerator;

/** Memorable names for runs created without one, in MLflow's style ({@code adjective-noun-123}). */
final class RunNames {
    private static final List<String> ADJECTIVES = List.of(
            "amazing", "bold", "brave", "bright", "calm", "clever", "crisp", "dapper", "eager", "fearless",
            "gentle", "glowing", "honest", "jolly", "keen", "lively", "lucky", "merry", "nimble", "patient",
            "polite", "quick", "quiet", "rare", "rogue", "shy", "silent", "sleepy", "smooth", "steady",
            "sunny", "swift", "tasteful", "thoughtful", "tidy", "upbeat", "valuable", "vaunted", "wise", "zealous");
    private static final List<String> NOUNS = List.of(
            "ant", "bass", "bat", "bear", "bird", "boar", "carp", "cat", "cod", "crab",
            "crane", "deer", "doe", "dove", "duck", "eel", "elk", "finch", "fox", "frog",
            "gnu", "goat", "hawk", "hen", "horse", "jay", "koi", "lark", "lynx", "mole",
            "moth", "newt", "owl", "ox", "perch", "pig", "ram", "seal", "shark", "skink",
            "slug", "snail", "sow", "squid", "stag", "swan", "toad", "trout", "wasp", "whale", "wolf", "wren", "yak");

    private RunNames() {
    }

    static String random(RandomGenerator random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-"
                + NOUNS.get(random.nextInt(NOUNS.size())) + "-" + random.nextInt(1000);
    }
}
