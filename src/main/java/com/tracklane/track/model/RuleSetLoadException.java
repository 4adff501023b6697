package com.tracklane.track.model;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be loaded, with every problem found in it. */
public class RuleSetLoadException extends RuntimeException {
    private final List<RuleSetProblem> problems;

    public RuleSetLoadException(List<RuleSetProblem> problems) {
        super("Rule set refused, " + problems.size() + " problem(s):\n  "
                + problems.stream().map(RuleSetProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
