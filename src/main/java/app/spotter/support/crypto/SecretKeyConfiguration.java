package app.spotter.support.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AES key for stored secrets: {@code SPOTTER_SECRET_KEY_FILE} (base64 of 32 bytes), or a key generated once
 * under the data directory with owner-only permissions.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    @Bean
    SecretBox secretBox(@Value("${spotter.secret-key-file:}") String keyFile,
            @Value("${spotter.data-dir:./data}") String dataDir) throws IOException {
        Path path = keyFile.isBlank() ? Path.of(dataDir, "secret.key") : Path.of(keyFile);
        if (!Files.exists(path)) {
            if (!keyFile.isBlank()) {
                throw new IllegalStateException("SPOTTER_SECRET_KEY_FILE points at a missing file: " + path);
            }
            generate(path);
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(path).strip());
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    private static void generate(Path path) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, Base64.getEncoder().encodeToString(key));
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection has to do
        }
    }
}
