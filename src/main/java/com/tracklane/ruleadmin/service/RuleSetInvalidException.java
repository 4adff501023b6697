package com.tracklane.ruleadmin.service;

import com.tracklane.track.model.RuleSetProblem;
import java.util.List;

/** A version document that cannot become a version: answered 422 with every problem. */
public class RuleSetInvalidException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    public RuleSetInvalidException(String detail, List<RuleSetProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
