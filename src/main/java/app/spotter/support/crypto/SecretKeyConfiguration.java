package app.spotter.support.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AES key for stored secrets: {@code SPOTTER_SECRET_KEY_FILE} (base64 of 32 bytes), or a key generated once
 * under the data directory with owner-only permissions.
 *
 * <p>Several instances may share a data directory and start together: the first key to be published wins and every
 * instance reads that one, or they would each seal secrets the others cannot open. A key is written in full to a
 * private temporary file and only then linked into place, so a crash mid-write never leaves a short key behind.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    private static final int KEY_BYTES = 32;

    @Bean
    SecretBox secretBox(@Value("${spotter.secret-key-file:}") String keyFile,
            @Value("${spotter.data-dir:./data}") String dataDir) throws IOException {
        Path path = keyFile.isBlank() ? Path.of(dataDir, "secret.key") : Path.of(keyFile);
        if (!Files.exists(path)) {
            if (!keyFile.isBlank()) {
                throw new IllegalStateException("SPOTTER_SECRET_KEY_FILE points at a missing file: " + path);
            }
            publishNewKey(path);
        }
        return new SecretBox(new SecretKeySpec(read(path), "AES"));
    }

    private static byte[] read(Path path) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(path).strip());
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The secret key file " + path + " must hold the base64 of " + KEY_BYTES
                    + " bytes; it holds " + key.length + ". Restore it from a backup: without the original key, "
                    + "stored app passwords and Google tokens cannot be opened.");
        }
        return key;
    }

    private static void publishNewKey(Path path) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = Files.createDirectories(path.toAbsolutePath().getParent());
        Path draft = Files.createTempFile(directory, ".secret-", ".key", ownerOnly());
        try {
            try (FileChannel channel = FileChannel.open(draft, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.US_ASCII.encode(Base64.getEncoder().encodeToString(key)));
                channel.force(true);
            }
            try {
                Files.createLink(path, draft);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(draft, path); // without REPLACE_EXISTING: still fails if another instance was first
            }
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // its key is complete (it was linked only after being written): use that one
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0]; // not a POSIX file system: the directory's own protection has to do
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
