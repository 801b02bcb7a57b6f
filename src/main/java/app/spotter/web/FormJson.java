package app.spotter.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a form's fields into the JSON body the API would receive (same snake_case names), so each feature's own
 * request reader applies exactly the API's rules. The UI adds no rules of its own: it only converts input types.
 */
final class FormJson {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    /** A text field; blank is left out (create: "absent") or sent as null (edit: "clear it"). */
    FormJson text(String field, String value, boolean blankClears) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        } else if (blankClears) {
            node.putNull(field);
        }
        return this;
    }

    /** A number field; what is not a whole number is passed on as text, for the reader to refuse in its words. */
    FormJson number(String field, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        try {
            node.put(field, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            node.put(field, value);
        }
        return this;
    }

    /** A list of texts (e.g. ids from checkboxes), passed on as a JSON array. */
    FormJson texts(String field, java.util.List<String> values) {
        var array = node.putArray(field);
        values.forEach(array::add);
        return this;
    }

    FormJson bool(String field, boolean value) {
        node.put(field, value);
        return this;
    }

    ObjectNode object(String field) {
        return node.putObject(field);
    }

    JsonNode json() {
        return node;
    }
}
