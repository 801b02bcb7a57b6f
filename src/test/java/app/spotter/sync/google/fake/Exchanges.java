package app.spotter.sync.google.fake;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Small helpers to read requests and write answers the way Google shapes them. */
final class Exchanges {

    static final Gson GSON = new Gson();

    private Exchanges() {}

    static String body(HttpExchange exchange) throws IOException {
        // The official client gzips request bodies by default; Google accepts Content-Encoding: gzip.
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonObject jsonBody(HttpExchange exchange) throws IOException {
        return GSON.fromJson(body(exchange), JsonObject.class);
    }

    /** Query or form parameters; the last value wins, which is all the fake needs. */
    static Map<String, String> params(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    static void json(HttpExchange exchange, int status, JsonElement body) throws IOException {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /**
     * Google's JSON error shape (https://developers.google.com/workspace/calendar/api/guides/errors), which the
     * official client parses into GoogleJsonResponseException details.
     */
    static void error(HttpExchange exchange, int status, String domain, String reason, String message)
            throws IOException {
        JsonObject item = new JsonObject();
        item.addProperty("domain", domain);
        item.addProperty("reason", reason);
        item.addProperty("message", message);
        JsonArray errors = new JsonArray();
        errors.add(item);
        JsonObject error = new JsonObject();
        error.add("errors", errors);
        error.addProperty("code", status);
        error.addProperty("message", message);
        JsonObject root = new JsonObject();
        root.add("error", error);
        json(exchange, status, root);
    }

    /** RFC 6749 5.2 error answer of a token endpoint. */
    static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("error", error);
        root.addProperty("error_description", description);
        json(exchange, status, root);
    }

    /** Sends the status line and half the body, then closes: the client sees a connection cut mid-answer. */
    static void dropMidway(HttpExchange exchange, JsonElement body) {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
        } catch (IOException ignored) {
            // the point is to fail
        } finally {
            try {
                exchange.close();
            } catch (RuntimeException ignored) {
                // "insufficient bytes written": exactly the cut we want
            }
        }
    }
}
