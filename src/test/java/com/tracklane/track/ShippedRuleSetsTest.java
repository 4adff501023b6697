package com.tracklane.track;

import com.tracklane.track.service.RuleSetCompiler;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tracklane.track.model.RuleSetSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedRuleSetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh"})
    void shouldCompileEveryShippedRuleSet(String id) throws Exception {
        String file = "rulesets/" + id + ".yaml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            RuleSetSpec spec = new RuleSetCompiler().compile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(id, spec.id());
        }
    }
}
