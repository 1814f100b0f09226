package io.github.ucmaworkbench.lessons;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What proves a step worked: every clause must hold; a clause holds when any one of its
 * alternatives does. A lesson file writes one {@code expect:} line per clause, alternatives
 * joined by {@code or}.
 */
public record Outcome(List<List<Expectation>> clauses) {
    public Outcome {
        clauses = clauses.stream().map(List::copyOf).toList();
    }

    /** Every expectation in every clause. */
    public List<Expectation> all() {
        return clauses.stream().flatMap(List::stream).toList();
    }

    @Override
    public String toString() {
        return clauses.stream()
                .map(c -> c.stream().map(Expectation::toString).collect(Collectors.joining(" or ")))
                .collect(Collectors.joining("; "));
    }
}
