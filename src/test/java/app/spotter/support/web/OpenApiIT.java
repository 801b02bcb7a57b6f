package app.spotter.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.SpotterIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document generated from the code describes every endpoint of the HTTP contract (docs/api.md). */
class OpenApiIT extends SpotterIT {

    /**
     * The contract's endpoints (docs/api.md), as "METHOD path" in OpenAPI's path template syntax. Second-round
     * additions join this list as they are built.
     */
    static final List<String> CONTRACT = List.of(
            "POST /api/v1/trainers",
            "POST /api/v1/auth/tokens",
            "GET /api/v1/me",
            "POST /api/v1/clients",
            "GET /api/v1/clients",
            "GET /api/v1/clients/{id}",
            "PATCH /api/v1/clients/{id}",
            "DELETE /api/v1/clients/{id}",
            "POST /api/v1/bookings",
            "GET /api/v1/bookings",
            "GET /api/v1/bookings/{id}",
            "PATCH /api/v1/bookings/{id}",
            "POST /api/v1/bookings/{id}/cancel",
            "DELETE /api/v1/bookings/{id}",
            "GET /api/v1/calendar-sync/preferences",
            "PUT /api/v1/calendar-sync/preferences",
            "PUT /api/v1/calendar-sync/connections/apple",
            "POST /api/v1/calendar-sync/connections/google",
            "PUT /api/v1/calendar-sync/connections/email",
            "DELETE /api/v1/calendar-sync/connections/{provider}",
            "GET /api/v1/calendar-sync/status",
            "POST /api/v1/calendar-sync/sync",
            "GET /api/v1/calendar-sync/feed",
            "POST /api/v1/calendar-sync/feed/rotate",
            "GET /feeds/{token}.ics",
            // second round, built so far
            "POST /api/v1/me/password",
            "GET /api/v1/auth/tokens",
            "DELETE /api/v1/auth/tokens/{id}",
            "GET /api/v1/me/export",
            "GET /api/v1/clients/{id}/export",
            "POST /api/v1/clients/{id}/erase",
            "DELETE /api/v1/me",
            "POST /api/v1/bookings/{id}/attendance",
            "GET /api/v1/clients/{id}/sessions",
            "GET /api/v1/series/{id}",
            "PATCH /api/v1/series/{id}",
            "POST /api/v1/series/{id}/cancel");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void everyEndpointOfTheContractIsInTheOpenApiDocument() throws Exception {
        HttpResponse<String> docs = get("/api/docs");
        assertThat(docs.statusCode()).as("served without a token").isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).get("paths");
        List<String> documented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(
                operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(documented).containsAll(CONTRACT);
        assertThat(documented).as("the browser app's pages are not the API").noneMatch(p -> p.contains(" /app/"));
    }

    @Test
    void theDocumentCanBeBrowsed() throws Exception {
        HttpResponse<String> page = get("/api/docs/ui");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.uri().getPath()).doesNotStartWith("/login");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
