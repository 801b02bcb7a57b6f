package app.spotter.preferences;

import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** The API's rules for a (partial) preferences body, for the browser app's settings form. */
public final class PreferencesRequest {

    private PreferencesRequest() {}

    /**
     * The change {@code body} asks for, to hand to {@link Preferences#update}.
     *
     * @throws app.spotter.support.web.ApiProblem listing every invalid field
     */
    public static UnaryOperator<SyncPreferences> read(JsonNode body) {
        return PreferencesApi.read(body);
    }
}
