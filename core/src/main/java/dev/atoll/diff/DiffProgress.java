package dev.atoll.diff;

/**
 * Where a long diff is, for an adapter to show (the CLI prints a status line). Called often and
 * from the diff's worker threads; an implementation keeps it cheap and thread-safe.
 */
@FunctionalInterface
public interface DiffProgress {
    DiffProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is under way, e.g. {@code reading old.csv}
     * @param done  units done (bytes, partitions)
     * @param total units in all; 0 when unknown
     */
    void update(String phase, long done, long total);
}
