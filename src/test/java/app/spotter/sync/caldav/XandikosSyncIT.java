package app.spotter.sync.caldav;

import org.junit.jupiter.api.BeforeAll;

class XandikosSyncIT extends AppleCalendarSyncIT {

    @BeforeAll
    static void startXandikos() {
        server = CalDavServerProcess.start(CalDavServerProcess.Kind.XANDIKOS);
    }
}
