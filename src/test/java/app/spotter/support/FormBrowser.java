package app.spotter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's forms as a browser sends them, one request at a time: no cookie store and no redirects, so a test
 * sees each session cookie and each 302 itself.
 */
public final class FormBrowser {

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public FormBrowser(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, String session) throws Exception {
        return HTTP.send(request(path, session, null).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String session, String form) throws Exception {
        return post(path, session, form, null);
    }

    /** @param forwardedFor the client address the request claims (login throttling counts per address), or null */
    public HttpResponse<String> post(String path, String session, String form, String forwardedFor) throws Exception {
        HttpRequest.Builder request = request(path, session, forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String session, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    /** Logs in through the login form and returns the session id. */
    public String logIn(String email, String password) throws Exception {
        HttpResponse<String> page = get("/login", null);
        HttpResponse<String> login = post("/login", cookie(page), "email=" + enc(email) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf(page.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return cookie(login);
    }

    /** The session id a response sets. */
    public static String cookie(HttpResponse<String> response) {
        Matcher m = SESSION.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The CSRF token of the form in a page. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the form").isTrue();
        return m.group(1);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
