package app.spotter.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The hostile cases of the security review: huge bodies and unbounded lists get bounded answers. */
class BoundedMemoryIT extends SpotterIT {

    private static final long FORTY_MB = 40L * 1024 * 1024;
    private static final Pattern NEXT = Pattern.compile("<https?://[^/]+([^>]+)>; rel=\"next\"");

    @Test
    void aFortyMegabyteBodyToSignUpIsRefusedWith413BeforeItIsRead() throws Exception {
        String head = RawHttp.post(port, "/api/v1/trainers", FORTY_MB, false);
        assertThat(head).startsWith("HTTP/1.1 413");
        assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
    }

    @Test
    void aFortyMegabyteChunkedBodyToTokenIssueIsRefusedWith413() throws Exception {
        String head = RawHttp.post(port, "/api/v1/auth/tokens", FORTY_MB, true);
        assertThat(head).startsWith("HTTP/1.1 413");
    }

    @Test
    void aBodyJustOverOneMebibyteIsRefusedAndOneUnderItIsRead() throws Exception {
        assertThat(RawHttp.post(port, "/api/v1/trainers", 1024 * 1024 + 1, false)).startsWith("HTTP/1.1 413");
        // a JSON array of spaces: read and parsed, then refused as not a sign-up object (400, not 413)
        assertThat(RawHttp.post(port, "/api/v1/trainers", 1024 * 1024 - 64 * 1024, true))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void listingBookingsWithoutARangeAnswersPagesOfAtMost500WithANextLink() {
        ApiClient api = newTrainer();
        String client = api.createClient("Nomsa", "Dlamini", null);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(2)).truncatedTo(ChronoUnit.HOURS).plusDays(1);
        for (int i = 0; i < 620; i++) {
            api.createBooking(client, start.plusHours(i).toString(), 30);
        }
        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String path = "/api/v1/bookings";
        while (path != null) {
            var page = api.get(path);
            assertThat(page.status()).isEqualTo(200);
            pageSizes.add(page.json().size());
            for (JsonNode b : page.json()) {
                assertThat(seen.add(b.get("id").stringValue())).as("each booking on one page only").isTrue();
            }
            path = next(api, path);
        }
        assertThat(pageSizes).containsExactly(500, 120);
        assertThat(seen).hasSize(620);

        var small = api.get("/api/v1/bookings?limit=600");
        assertThat(small.status()).isEqualTo(400);
        assertThat(small.json().get("errors").findValuesAsString("field")).containsExactly("limit");
    }

    @Test
    void aRangeLongerThanAYearIsRefusedNamingTo() {
        ApiClient api = newTrainer();
        var r = api.get("/api/v1/bookings?from=2026-01-01T00:00:00%2B02:00&to=2027-06-01T00:00:00%2B02:00");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("to");
        assertThat(api.get("/api/v1/bookings?from=2026-01-01T00:00:00%2B02:00&to=2026-12-31T00:00:00%2B02:00")
                .status()).isEqualTo(200);
    }

    @Test
    void clientsAreListedInNamePagesWithACursor() {
        ApiClient api = newTrainer();
        for (int i = 0; i < 7; i++) {
            api.createClient("Client" + i, "Surname" + (char) ('G' - i), null);
        }
        var first = api.get("/api/v1/clients?limit=3");
        assertThat(first.json().findValuesAsString("last_name")).containsExactly("SurnameA", "SurnameB", "SurnameC");
        List<String> all = new ArrayList<>(first.json().findValuesAsString("last_name"));
        String path = "/api/v1/clients?limit=3";
        while ((path = next(api, path)) != null) {
            all.addAll(api.get(path).json().findValuesAsString("last_name"));
        }
        assertThat(all).containsExactly("SurnameA", "SurnameB", "SurnameC", "SurnameD", "SurnameE", "SurnameF",
                "SurnameG");
        assertThat(api.get("/api/v1/clients?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    /** The path of the next page from the Link header of the answer to {@code path}, or null on the last page. */
    private static String next(ApiClient api, String path) {
        var headers = api.headers(path);
        return headers.firstValue("Link").map(link -> {
            Matcher m = NEXT.matcher(link);
            assertThat(m.find()).as(link).isTrue();
            return m.group(1);
        }).orElse(null);
    }
}
