package app.spotter.feed;

import app.spotter.trainer.CurrentTrainer;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in trainer's own feed URL, and its rotation when it leaked. */
@RestController
@RequestMapping("/api/v1/calendar-sync/feed")
class FeedApi {

    private final Feeds feeds;

    FeedApi(Feeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping
    Map<String, String> url() {
        return Map.of("url", feeds.url(CurrentTrainer.id()));
    }

    @PostMapping("/rotate")
    Map<String, String> rotate() {
        return Map.of("url", feeds.rotate(CurrentTrainer.id()));
    }
}
