package app.spotter.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API, as an outside integrator would use it. */
public final class ApiClient {

    public record Response(int status, String contentType, JsonNode json, String body,
            java.net.http.HttpHeaders headers) {
        public Response(int status, String contentType, JsonNode json, String body) {
            this(status, contentType, json, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;
    private final String forwardedFor;

    public ApiClient(int port, String token) {
        this(port, token, null);
    }

    private ApiClient(int port, String token, String forwardedFor) {
        this.base = "http://localhost:" + port;
        this.token = token;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same client as if it came through a trusted proxy from {@code address} (X-Forwarded-For from loopback):
     * lets a test play several client addresses.
     */
    public ApiClient from(String address) {
        return new ApiClient(port(), token, address);
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    /** The same trainer against another Spotter instance on this machine (a restart, a second node). */
    public ApiClient at(int otherPort) {
        return new ApiClient(otherPort, token);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = body.isBlank() || !body.strip().startsWith("{") && !body.strip().startsWith("[")
                    ? null : JSON.readTree(body);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    node, body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The headers of a GET (for Link, Retry-After and the like). */
    public java.net.http.HttpHeaders headers(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs up a fresh trainer and returns a client holding their token. */
    public static ApiClient newTrainer(int port, String zone) {
        ApiClient anonymous = new ApiClient(port, null);
        String email = "trainer-" + UUID.randomUUID() + "@example.com";
        Response created = anonymous.post("/api/v1/trainers", """
                {"name":"Thandi Trainer","email":"%s","password":"correct horse battery","timezone":"%s"}"""
                .formatted(email, zone));
        if (created.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + created.body());
        }
        Response token = anonymous.post("/api/v1/auth/tokens", """
                {"email":"%s","password":"correct horse battery"}""".formatted(email));
        return new ApiClient(port, token.json().get("token").stringValue());
    }

    public String createClient(String first, String last, String email) {
        Response r = post("/api/v1/clients", """
                {"first_name":"%s","last_name":"%s","email":%s}"""
                .formatted(first, last, email == null ? "null" : "\"" + email + "\""));
        if (r.status() != 201) {
            throw new IllegalStateException("client creation failed: " + r.body());
        }
        return r.json().get("id").stringValue();
    }

    public String createBooking(String clientId, String startsAt, int minutes) {
        Response r = post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":%d}""".formatted(clientId, startsAt, minutes));
        if (r.status() != 201) {
            throw new IllegalStateException("booking failed: " + r.body());
        }
        return r.json().get("id").stringValue();
    }
}
