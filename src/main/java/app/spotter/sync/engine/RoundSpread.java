package app.spotter.sync.engine;

import app.spotter.sync.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a connection's periodic round falls within the interval: a fixed offset from a hash of the connection,
 * so rounds spread evenly over the interval (10,000 connections every 5 minutes: about 33 a second) rather than
 * all at its start, and each connection keeps its place from one interval to the next.
 */
final class RoundSpread {

    private RoundSpread() {}

    static Instant at(Instant start, Duration interval, UUID trainerId, Provider provider) {
        long h = trainerId.getMostSignificantBits() ^ trainerId.getLeastSignificantBits()
                ^ ((long) provider.ordinal() * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return start.plusMillis(Math.floorMod(h, Math.max(interval.toMillis(), 1)));
    }
}
