package app.spotter.support.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs zonky ships inside its binaries jar ({@code postgres-<os>-<arch>.txz}: initdb, pg_ctl,
 * postgres), unpacked into a folder only this OS user can enter. zonky itself unpacks into a world-writable folder
 * under the system temp dir and reuses it when a marker file exists, so another local user could plant a
 * {@code bin/postgres} that runs as Spotter's user; here the parent is 0700 and checked at every start, and an
 * unpacked copy only appears by an atomic rename of a complete one.
 */
final class PostgresBinaries {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private PostgresBinaries() {}

    /** @return the folder holding {@code bin/postgres}, unpacked under {@code root} (created 0700) if needed */
    static Path unpack(Path root) {
        try {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), architecture())) {
                archive = in.readAllBytes();
            }
            ownerOnlyFolder(root);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
            Path home = root.resolve("postgres-" + digest.substring(0, 16));
            if (Files.isExecutable(home.resolve("bin/postgres"))) {
                return home;
            }
            Path partial = root.resolve(".unpacking-" + UUID.randomUUID());
            Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            extract(archive, partial);
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(partial); // another Spotter on this account unpacked the same archive meanwhile
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates {@code folder} 0700, or makes an existing one 0700. A folder another user owns is refused: its owner
     * could swap the programs whatever its mode says.
     */
    static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        int owner = (Integer) Files.getAttribute(folder, "unix:uid");
        if (owner != OsUser.uid()) {
            throw new StartFailure("permissions: " + folder + " belongs to another OS user (uid " + owner
                    + "); it must be this user's own folder");
        }
        if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    continue;
                }
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !file.getParent().resolve(link).normalize().startsWith(target)) {
                        throw new IOException("archive link outside its folder: " + entry.getName());
                    }
                    Files.createSymbolicLink(file, link);
                } else if (entry.isFile()) {
                    Files.copy(tar, file);
                    // the owner keeps read (and execute, where the archive had it); group and others get nothing
                    Files.setPosixFilePermissions(file, (entry.getMode() & 0100) != 0 ? OWNER_ONLY : OWNER_READ_WRITE);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String os() {
        String name = System.getProperty("os.name");
        if (name.startsWith("Mac")) {
            return "Darwin";
        }
        if (name.startsWith("Windows")) {
            return "Windows";
        }
        return "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
