package app.spotter.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.SpotterIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NightlyBackupIT extends SpotterIT {

    @Autowired
    NightlyBackup nightly;

    @Test
    void aBackupHoldsEveryTableAndOnlyTheNewestSevenAreKept() throws Exception {
        newTrainer().createClient("Ayanda", "Mokoena", null);
        Path first = nightly.runNow();
        Path folder = first.getParent();
        for (int i = 1; i <= 8; i++) {
            Files.writeString(folder.resolve("spotter-20000101-00000" + i + ".zip"), "old");
        }
        Path latest = nightly.runNow();

        try (var files = Files.list(folder)) {
            List<String> kept = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(kept).hasSize(7).contains(latest.getFileName().toString(), first.getFileName().toString())
                    .doesNotContain("spotter-20000101-000001.zip", "spotter-20000101-000002.zip");
        }
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(latest)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ZipFile zip = new ZipFile(latest.toFile())) {
            assertThat(zip.getEntry("manifest.properties")).isNotNull();
            assertThat(zip.getEntry("tables/trainers.copy")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("tables/clients.copy")).readAllBytes()))
                    .contains("Ayanda");
        }
    }

    @Test
    void theNextRunIsAtTwoInTheMorningTodayOrTomorrow() {
        NightlyBackup at2 = new NightlyBackup(null, Path.of("unused"), 7, LocalTime.of(2, 0),
                java.time.Clock.systemUTC());
        ZoneId joburg = ZoneId.of("Africa/Johannesburg");
        assertThat(at2.untilNext(ZonedDateTime.of(2026, 5, 1, 1, 30, 0, 0, joburg))).isEqualTo(Duration.ofMinutes(30));
        assertThat(at2.untilNext(ZonedDateTime.of(2026, 5, 1, 2, 0, 0, 0, joburg))).isEqualTo(Duration.ofHours(24));
        assertThat(at2.untilNext(ZonedDateTime.of(2026, 5, 1, 23, 0, 0, 0, joburg))).isEqualTo(Duration.ofHours(3));
    }
}
