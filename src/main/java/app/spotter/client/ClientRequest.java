package app.spotter.client;

import app.spotter.support.web.JsonFields;
import tools.jackson.databind.JsonNode;

/** The API's rules for a client's fields, for the browser app's forms (same snake_case names). */
public final class ClientRequest {

    private ClientRequest() {}

    /**
     * Applies {@code body} over {@code base}: a new client when {@code base.id()} is null (names required), else an
     * edit where absent fields keep their value and an explicit null clears it.
     *
     * @throws app.spotter.support.web.ApiProblem listing every invalid field
     */
    public static Client read(JsonNode body, Client base) {
        return ClientApi.read(JsonFields.of(body, ClientApi.FIELDS), base, base.id() == null);
    }
}
