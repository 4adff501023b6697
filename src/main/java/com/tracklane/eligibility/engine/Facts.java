package com.tracklane.eligibility.engine;

import java.util.Map;

/** The facts of one check, keyed by {@link FactCatalog} name; values are CEL values (Long, Double, String, Boolean, List). */
public record Facts(Journey journey, Map<String, Object> values) {

    public Object get(String name) {
        return values.get(name);
    }
}
