package dev.atoll.modules;

import java.util.List;
import java.util.Map;

/** The types an {@code @parameter} annotation may declare, with the literals each accepts as default. */
public enum ParameterType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    LIST,
    DICTIONARY;

    /** Whether a Python literal (as the annotation parser decodes it) is a valid value of this type. */
    public boolean accepts(Object literal) {
        return switch (this) {
            case STRING -> literal instanceof String;
            case INTEGER -> literal instanceof Long;
            case FLOAT -> literal instanceof Double || literal instanceof Long;
            case BOOLEAN -> literal instanceof Boolean;
            case LIST -> literal instanceof List<?>;
            case DICTIONARY -> literal instanceof Map<?, ?>;
        };
    }

    /** The MLproject parameter types this type may be declared as in an {@code MLproject} file. */
    public boolean matchesMlProjectType(String mlProjectType) {
        return switch (this) {
            case INTEGER -> mlProjectType.equals("int");
            case FLOAT -> mlProjectType.equals("float");
            default -> mlProjectType.equals("string") || mlProjectType.equals("path") || mlProjectType.equals("uri");
        };
    }
}
