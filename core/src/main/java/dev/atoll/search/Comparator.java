package dev.atoll.search;

/** The comparison operators of MLflow's search grammar. */
public enum Comparator {
    EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), LIKE("LIKE"), ILIKE("ILIKE"), IN("IN"), NOT_IN("NOT IN");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
