package app.spotter.support.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field, collecting every problem before answering, so the trainer sees all
 * invalid fields at once. Field names are the API's snake_case names. Unknown fields are refused (docs/api.md).
 * Absent and null are told apart, which PATCH needs: {@link #has} is true for an explicit null.
 */
public final class JsonFields {

    private final JsonNode body;
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    public static JsonFields of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        JsonFields fields = new JsonFields(body);
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                fields.reject(name, "is not a known field");
            }
        }
        return fields;
    }

    public boolean has(String name) {
        return body.has(name);
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void reject(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    /** Text with at most {@code maxLength} characters; blank counts as absent. */
    public String text(String name, boolean required, int maxLength) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return missing(name, required);
        }
        if (!node.isString()) {
            reject(name, "must be a string");
            return null;
        }
        String value = node.stringValue().strip();
        if (value.isEmpty()) {
            return missing(name, required);
        }
        if (value.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            reject(name, "must not contain control characters");
            return null;
        }
        return value;
    }

    public UUID uuid(String name, boolean required) {
        return parsed(name, required, UUID::fromString, "must be a UUID");
    }

    /** A list of 1..{@code maxCount} UUID strings; null when absent (or invalid: then it is rejected). */
    public List<UUID> uuids(String name, boolean required, int maxCount) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return missing(name, required);
        }
        if (!node.isArray() || node.isEmpty() || node.size() > maxCount) {
            reject(name, "must be a list of 1 to " + maxCount + " ids");
            return null;
        }
        List<UUID> ids = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            try {
                ids.add(UUID.fromString(item.isString() ? item.stringValue() : ""));
            } catch (IllegalArgumentException e) {
                reject(name, "must be a list of UUIDs");
                return null;
            }
        }
        return ids;
    }

    /** An ISO-8601 date-time with an offset, e.g. 2026-12-01T09:00:00+02:00. */
    public OffsetDateTime dateTime(String name, boolean required) {
        return parsed(name, required, OffsetDateTime::parse, "must be an ISO-8601 date-time with an offset");
    }

    public Integer integer(String name, boolean required, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            missing(name, required);
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            reject(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    public Boolean bool(String name, boolean required) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            missing(name, required);
            return null;
        }
        if (!node.isBoolean()) {
            reject(name, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    public JsonNode object(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            reject(name, "must be an object");
            return null;
        }
        return node;
    }

    /** Throws the collected problems, if any: call before acting on the values. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private <T> T parsed(String name, boolean required, Function<String, T> parser, String message) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return missing(name, required);
        }
        if (!node.isString()) {
            reject(name, message);
            return null;
        }
        try {
            return parser.apply(node.stringValue().strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            reject(name, message);
            return null;
        }
    }

    private <T> T missing(String name, boolean required) {
        if (required) {
            reject(name, "is required");
        }
        return null;
    }
}
