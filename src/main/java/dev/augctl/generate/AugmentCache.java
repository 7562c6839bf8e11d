package dev.augctl.generate;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shard's disk cache (SQLite, WAL): the SHA-256 hex of (method signature, seed material, input
 * text) maps to the augmented text. Reads come in batches of keys; writes in batches inside one
 * transaction. One connection, shared by the worker threads under this object's lock.
 */
public final class AugmentCache implements AutoCloseable {
    private static final int MAX_KEYS_PER_QUERY = 500;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;

    private AugmentCache(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.insert = connection.prepareStatement("INSERT OR REPLACE INTO augment_cache(k, v) VALUES (?, ?)");
    }

    /**
     * Opens (or creates) the cache. A file that is not a usable cache (random bytes, another schema)
     * is moved aside to {@code <name>.corrupt-<timestamp>}, reported with one WARN line, and rebuilt.
     */
    public static AugmentCache open(Path file, WorkerLog log) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AugctlException.failed("cannot create the cache directory " + dir + ": " + e.getMessage(), e);
        }
        // sqlite-jdbc extracts its native library to this directory; a SIGKILLed JVM cannot delete it,
        // so it must not be /tmp (the next run in the same directory reuses or replaces it).
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        }
        try {
            return connect(file);
        } catch (SQLException first) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
            try {
                Files.move(file, aside);
                for (String suffix : List.of("-wal", "-shm")) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
            } catch (IOException e) {
                throw AugctlException.failed("cache " + file + " is unusable (" + first.getMessage()
                        + ") and could not be moved aside: " + e.getMessage(), e);
            }
            log.warn("cache " + file + " is unusable (" + oneLine(first) + "); moved it to " + aside.getFileName()
                    + " and started an empty cache");
            try {
                return connect(file);
            } catch (SQLException e) {
                throw AugctlException.failed("cannot create the cache " + file + ": " + oneLine(e), e);
            }
        }
    }

    private static AugmentCache connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            // Keys are hashes, so inserts land on random pages: a larger page cache (up to 64 MB,
            // allocated only as used) keeps each commit from re-reading pages it just wrote.
            s.execute("PRAGMA cache_size=-65536");
            s.execute("CREATE TABLE IF NOT EXISTS augment_cache (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID");
            // Checks the table has the expected columns (an old or foreign file fails here).
            s.executeQuery("SELECT k, v FROM augment_cache LIMIT 1").close();
            c.setAutoCommit(false);
            return new AugmentCache(file, c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The cached results among {@code keys}. */
    public synchronized Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        Iterator<String> it = keys.iterator();
        try {
            while (it.hasNext()) {
                StringBuilder sql = new StringBuilder("SELECT k, v FROM augment_cache WHERE k IN (");
                List<String> batch = new java.util.ArrayList<>(MAX_KEYS_PER_QUERY);
                while (it.hasNext() && batch.size() < MAX_KEYS_PER_QUERY) {
                    batch.add(it.next());
                    sql.append(batch.size() == 1 ? "?" : ",?");
                }
                sql.append(')');
                try (PreparedStatement q = connection.prepareStatement(sql.toString())) {
                    for (int i = 0; i < batch.size(); i++) {
                        q.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": read failed: " + oneLine(e), e);
        }
    }

    /** Stores entries in one transaction. */
    public synchronized void putAll(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                insert.setString(1, e.getKey());
                insert.setString(2, e.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": write failed: " + oneLine(e), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            insert.close();
            connection.close();
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": close failed: " + oneLine(e), e);
        }
    }

    private static String oneLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
