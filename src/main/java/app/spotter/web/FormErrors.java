package app.spotter.web;

import app.spotter.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a submitted form, keyed by field name (the API's names), ready to show next to each field.
 * A refusal without a field (an overlap's 409, a missing client's 404) is shown at the field that caused it.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    /**
     * @param labels the form's labels by field name, to make "is required" read "Client is required"
     * @param fallbackField where a refusal without a field is shown
     */
    static FormErrors of(ApiProblem problem, Map<String, String> labels, String fallbackField) {
        FormErrors errors = new FormErrors();
        if (problem.errors().isEmpty()) {
            errors.fields.put(fallbackField, problem.getMessage());
        }
        for (ApiProblem.FieldError e : problem.errors()) {
            String label = labels.getOrDefault(e.field(), e.field());
            errors.fields.merge(e.field(), label + " " + e.message() + ".", (a, b) -> a + " " + b);
        }
        return errors;
    }

    /** Replaces the message for a field whose input could not even be converted (a malformed date). */
    FormErrors with(String field, String message) {
        fields.put(field, message);
        return this;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    public List<String> fieldNames() {
        return new ArrayList<>(fields.keySet());
    }

    public int count() {
        return fields.size();
    }
}
