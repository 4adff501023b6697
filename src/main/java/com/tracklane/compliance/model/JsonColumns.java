package com.tracklane.compliance.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.common.JsonColumn;
import java.util.List;

/** The JSON text columns of compliance, as typed values. */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static class Windows extends JsonColumn<List<MonitoringPlan.Window>> {
        public Windows() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class Places extends JsonColumn<List<Place>> {
        public Places() {
            super(new TypeReference<>() {
            });
        }
    }

    public static class Citation extends JsonColumn<MonitoringPlan.RuleCitation> {
        public Citation() {
            super(new TypeReference<>() {
            });
        }
    }

    /** Free-form JSON (a violation's evidence and citation, also written by the sweep's SQL). */
    public static class Tree extends JsonColumn<JsonNode> {
        public Tree() {
            super(new TypeReference<>() {
            });
        }
    }
}
