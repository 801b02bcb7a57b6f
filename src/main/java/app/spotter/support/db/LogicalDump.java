package app.spotter.support.db;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of Spotter's schema as data: every table of schema {@code public} as PostgreSQL's own COPY text, from
 * one snapshot, in a zip with a manifest naming the Flyway version the data belongs to. Restoring builds that
 * schema with Spotter's own migrations and copies the rows back, parents before children.
 *
 * <p>Why not pg_dump: the embedded server is PostgreSQL 17 and zonky's binaries ship no pg_dump; a pg_dump must be
 * at least the server's version, and Debian 12 packages only 15. This needs nothing but the jar, and works the same
 * against an external database.
 */
final class LogicalDump {

    static final String FORMAT = "spotter-dump-1";
    private static final String MANIFEST = "manifest.properties";
    private static final String HISTORY = "flyway_schema_history";

    private LogicalDump() {}

    /** Writes the whole database, as one consistent snapshot, into {@code out} (closed afterwards). */
    static Properties dump(Connection c, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ZipOutputStream zip = new ZipOutputStream(out)) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            List<String> tables = tablesParentsFirst(c);
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("created", Instant.now().toString());
            String version = single(c, "SELECT version FROM " + HISTORY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
            if (version == null) {
                throw new IllegalStateException("no Flyway history: this is not a Spotter database");
            }
            manifest.setProperty("flyway.version", version);
            manifest.setProperty("tables", String.join(",", tables));
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(sequencename), last_value FROM pg_sequences "
                    + "WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
                while (rs.next()) {
                    manifest.setProperty("sequence." + rs.getString(1), Long.toString(rs.getLong(2)));
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                manifest.setProperty("rows." + table, Long.toString(
                        Long.parseLong(single(c, "SELECT count(*) FROM public." + table))));
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                copy.copyOut("COPY public." + table + " TO STDOUT", unclosable(zip));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            StringWriter text = new StringWriter();
            manifest.store(text, "Spotter database backup");
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            c.commit();
            return manifest;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Restores a dump into an empty database: {@code migrate} builds the dump's schema version (Spotter's Flyway
     * migrations up to it), then each table's rows are copied back in one transaction. A later start migrates on.
     */
    static Properties restore(Connection c, InputStream in, Consumer<String> migrate) throws SQLException,
            IOException {
        if (!tablesParentsFirst(c).isEmpty()) {
            throw new IllegalStateException("the database is not empty; restore into a fresh one (move the data "
                    + "dir's postgres folder away, or create a new external database)");
        }
        Properties manifest = null;
        Map<String, byte[]> tables = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
                } else if (entry.getName().startsWith("tables/") && entry.getName().endsWith(".copy")) {
                    tables.put(entry.getName().substring(7, entry.getName().length() - 5), content);
                }
            }
        }
        if (manifest == null || !FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalStateException("not a Spotter backup (no " + FORMAT + " manifest)");
        }
        migrate.accept(manifest.getProperty("flyway.version"));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            List<String> order = tablesParentsFirst(c);
            Set<String> expected = new LinkedHashSet<>(List.of(manifest.getProperty("tables").split(",")));
            if (!expected.equals(new LinkedHashSet<>(order))) {
                throw new IllegalStateException("the backup's tables " + expected + " differ from the schema's "
                        + order);
            }
            List<String> data = order.stream().filter(t -> !t.equals(HISTORY)).toList();
            if (!data.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", data.stream().map(t -> "public." + t).toList()));
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : data) {
                long rows = copy.copyIn("COPY public." + table + " FROM STDIN",
                        new java.io.ByteArrayInputStream(tables.getOrDefault(table, new byte[0])));
                String want = manifest.getProperty("rows." + table, "0");
                if (rows != Long.parseLong(want)) {
                    throw new IllegalStateException(table + ": restored " + rows + " rows, the backup has " + want);
                }
            }
            for (String key : manifest.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    try (PreparedStatement setval = c.prepareStatement("SELECT setval(to_regclass(?), ?, true)")) {
                        setval.setString(1, "public." + key.substring(9));
                        setval.setLong(2, Long.parseLong(manifest.getProperty(key)));
                        setval.execute();
                    }
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return manifest;
    }

    /**
     * Tables of schema public (names already quoted for SQL by PostgreSQL's {@code quote_ident}), each after the
     * tables its foreign keys point at, so rows can be copied back without deferring constraints.
     */
    static List<String> tablesParentsFirst(Connection c) throws SQLException {
        List<String> all = new ArrayList<>();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(relname) FROM pg_class WHERE relkind IN ('r', 'p') "
                    + "AND relnamespace = 'public'::regnamespace AND NOT relispartition ORDER BY relname")) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                    parents.put(rs.getString(1), new LinkedHashSet<>());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(child.relname), quote_ident(parent.relname) "
                    + "FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid "
                    + "JOIN pg_class parent ON parent.oid = k.confrelid "
                    + "WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace")) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(rs.getString(2)) && parents.containsKey(rs.getString(1))) {
                        parents.get(rs.getString(1)).add(rs.getString(2));
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < all.size()) {
            boolean progress = false;
            for (String table : all) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table).stream()
                        .filter(parents::containsKey).toList())) {
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + all);
            }
        }
        return ordered;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
