package com.tracklane.track.model;

/** The value types a fact or a parameter can have; each maps to one CEL type. */
public enum FactType {
    INT, DOUBLE, STRING, BOOL, STRING_LIST, DATE;

    /** Parses the lower-case name used in rule-set files ({@code int}, {@code list<string>}, …). */
    public static FactType fromName(String name) {
        return switch (name) {
            case "int" -> INT;
            case "double" -> DOUBLE;
            case "string" -> STRING;
            case "bool" -> BOOL;
            case "list<string>" -> STRING_LIST;
            case "date" -> DATE;
            default -> throw new IllegalArgumentException("unknown type '" + name + "'");
        };
    }
}
