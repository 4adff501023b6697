package com.tracklane.track.service;

import com.tracklane.track.model.RuleSetProblem;
import java.util.List;

/** What compiling one rule-set file collects: where it is, its problems and the limits its new versions are held to. */
record CompileContext(String file, String ruleSetId, int edition, List<RuleSetProblem> problems, CelExpressions.Limits limits,
                       int checkFrom, CompiledRuleCache cache) {
    void problem(String path, String ruleId, String message) {
        problems.add(new RuleSetProblem(file, path, ruleId, 0, 0, message));
    }
}
