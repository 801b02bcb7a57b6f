package app.spotter.feed;

import app.spotter.trainer.CurrentTrainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in trainer's own feed URL, and its rotation when it leaked. */
@RestController
@RequestMapping("/api/v1/calendar-sync/feed")
class FeedApi {

    /**
     * The response body. Its toString hides the URL: Spring logs response values at DEBUG ("Writing [...]"), and a
     * feed URL is a password.
     */
    record FeedUrl(String url) {
        @Override
        public String toString() {
            return "FeedUrl[url=***]";
        }
    }

    private final Feeds feeds;

    FeedApi(Feeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping
    FeedUrl url() {
        return new FeedUrl(feeds.url(CurrentTrainer.id()));
    }

    @PostMapping("/rotate")
    FeedUrl rotate() {
        return new FeedUrl(feeds.rotate(CurrentTrainer.id()));
    }
}
