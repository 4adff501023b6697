package com.tracklane.ruleadmin.service;

import com.tracklane.common.FieldError;
import com.tracklane.common.UnprocessableException;
import com.tracklane.track.model.RuleSetProblem;
import java.util.List;

/**
 * A version document that cannot become a version: answered 422 invalid-rule-set-version with every problem as a field
 * error (its path, message, rule and position within the CEL expression), by {@code common/ProblemMappers}.
 */
public class RuleSetInvalidException extends UnprocessableException {

    private final List<RuleSetProblem> problems;

    public RuleSetInvalidException(String detail, List<RuleSetProblem> problems) {
        super("invalid-rule-set-version", "Invalid rule-set version", detail, fieldErrors(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }

    private static List<FieldError> fieldErrors(List<RuleSetProblem> problems) {
        return problems.stream().map(p -> new FieldError(p.path(), p.message(), p.ruleId(),
                p.line() > 0 ? p.line() : null, p.column() > 0 ? p.column() : null)).toList();
    }
}
