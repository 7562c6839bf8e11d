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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard's disk cache (SQLite, WAL). An entry maps an attempt's identity (method signature, seed
 * material, input text), reduced to a 64-bit {@code key} plus an independent 64-bit {@code check}, to
 * the candidate text and whether that candidate is <em>fixed</em> (made without any random draw).
 *
 * <p>The key is the table's rowid, so rows live in key order with no second index. Its top
 * {@link #GROUP_BITS} bits come from the attempt's <em>group</em> (signature, seed, combo): the entries
 * of one combo share a narrow key range, and a combo's inserts (sorted by key before each batch) touch
 * only that range's pages instead of pages all over the file. A lookup whose stored check differs is a
 * miss: two identities sharing a key just evict each other.
 *
 * <p>A group is marked <em>complete</em> when its combo finished; lookups are only worth making for a
 * complete group (a combo never finished has at most the partial entries of a killed run, which are
 * recomputed and rewritten with the same values). One connection, shared by the worker threads under
 * this object's lock.
 */
public final class AugmentCache implements AutoCloseable {
    /** Bits of a key taken from the group's hash. */
    static final int GROUP_BITS = 20;
    private static final long GROUP_MASK = -1L << (64 - GROUP_BITS);
    /** Uncommitted entries that trigger a commit (more are committed at the end of each combo). */
    static final int COMMIT_EVERY = 100_000;
    private static final int MAX_KEYS_PER_QUERY = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AugmentCache.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One cached attempt. */
    public record Entry(long key, long check, String value, boolean fixed) {
    }

    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement markComplete;
    private final PreparedStatement isComplete;
    private final Map<Integer, PreparedStatement> lookups = new HashMap<>();
    private int uncommitted;

    private AugmentCache(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.insert = connection.prepareStatement("INSERT OR REPLACE INTO augment_cache(k, c, v, f) VALUES (?, ?, ?, ?)");
        this.markComplete = connection.prepareStatement("INSERT OR IGNORE INTO complete_groups(g) VALUES (?)");
        this.isComplete = connection.prepareStatement("SELECT 1 FROM complete_groups WHERE g = ?");
    }

    /** The key of an attempt: the group's hash in the top bits, the attempt's own hash below. */
    static long key(long groupHash, long attemptHash) {
        return (groupHash & GROUP_MASK) | (attemptHash >>> GROUP_BITS);
    }

    /**
     * Opens (or creates) the cache. A file that is not a usable cache (random bytes, another schema)
     * is moved aside to {@code <name>.corrupt-<timestamp>}, reported with one WARN line, and rebuilt.
     */
    public static AugmentCache open(Path file) {
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
            LOG.warn("cache " + file + " is unusable (" + oneLine(first) + "); moved it to " + aside.getFileName()
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
            // In WAL mode NORMAL syncs only at checkpoints: commits cost no fsync, and a power loss can
            // lose the last transactions but not corrupt the file (OFF could; it would gain little here).
            s.execute("PRAGMA synchronous=NORMAL");
            // Inserts of one batch are sorted and fall in one combo's key range, so a small page cache (16 MB,
            // allocated only as used) keeps what a batch revisits.
            s.execute("PRAGMA cache_size=-16384");
            s.execute("CREATE TABLE IF NOT EXISTS augment_cache (k INTEGER PRIMARY KEY, c INTEGER NOT NULL, "
                    + "v TEXT NOT NULL, f INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS complete_groups (g TEXT PRIMARY KEY) WITHOUT ROWID");
            // Checks the tables have the expected columns (an old or foreign file fails here).
            s.executeQuery("SELECT k, c, v, f FROM augment_cache LIMIT 1").close();
            s.executeQuery("SELECT g FROM complete_groups LIMIT 1").close();
            c.setAutoCommit(false);
            return new AugmentCache(file, c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Whether the combo of {@code group} ever finished with this cache (only then are lookups useful). */
    public synchronized boolean isComplete(String group) {
        try {
            isComplete.setString(1, group);
            try (ResultSet rs = isComplete.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": read failed: " + oneLine(e), e);
        }
    }

    /**
     * Looks up {@code keys[0..n)}: element {@code i} of the result is the entry stored for
     * {@code keys[i]} when its check equals {@code checks[i]}, else null.
     */
    public synchronized Entry[] lookup(long[] keys, long[] checks, int n) {
        Entry[] found = new Entry[n];
        Map<Long, Integer> first = new HashMap<>(2 * n);
        int[] sameKey = new int[n]; // the next position asking for the same key, or -1
        for (int i = n - 1; i >= 0; i--) {
            Integer later = first.put(keys[i], i);
            sameKey[i] = later == null ? -1 : later;
        }
        try {
            for (int from = 0; from < n; from += MAX_KEYS_PER_QUERY) {
                int size = Math.min(MAX_KEYS_PER_QUERY, n - from);
                PreparedStatement q = lookupStatement(size);
                for (int j = 0; j < size; j++) {
                    q.setLong(j + 1, keys[from + j]);
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        long check = rs.getLong(2);
                        Entry entry = null;
                        for (int i = first.get(k); i >= 0; i = sameKey[i]) {
                            if (check == checks[i]) {
                                entry = entry != null ? entry : new Entry(k, check, rs.getString(3), rs.getInt(4) != 0);
                                found[i] = entry;
                            }
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": read failed: " + oneLine(e), e);
        }
    }

    private PreparedStatement lookupStatement(int size) throws SQLException {
        PreparedStatement q = lookups.get(size);
        if (q == null) {
            StringBuilder sql = new StringBuilder("SELECT k, c, v, f FROM augment_cache WHERE k IN (?");
            sql.append(",?".repeat(size - 1)).append(')');
            q = connection.prepareStatement(sql.toString());
            lookups.put(size, q);
        }
        return q;
    }

    /**
     * Stores entries (in key order, so that the pages of a combo's key range are visited once); they are
     * committed once {@link #COMMIT_EVERY} are pending, and by {@link #markComplete} or {@link #commit}.
     */
    public synchronized void putAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Entry[] sorted = entries.toArray(new Entry[0]);
        Arrays.sort(sorted, (a, b) -> Long.compare(a.key(), b.key()));
        try {
            for (Entry e : sorted) {
                insert.setLong(1, e.key());
                insert.setLong(2, e.check());
                insert.setString(3, e.value());
                insert.setInt(4, e.fixed() ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
            uncommitted += sorted.length;
            if (uncommitted >= COMMIT_EVERY) {
                commitNow();
            }
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": write failed: " + oneLine(e), e);
        }
    }

    /** Marks {@code group} complete (its combo finished and every entry was stored) and commits. */
    public synchronized void markComplete(String group) {
        try {
            markComplete.setString(1, group);
            markComplete.executeUpdate();
            commitNow();
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": write failed: " + oneLine(e), e);
        }
    }

    /** Commits what is pending. */
    public synchronized void commit() {
        try {
            commitNow();
        } catch (SQLException e) {
            throw AugctlException.failed("cache " + file + ": write failed: " + oneLine(e), e);
        }
    }

    private void commitNow() throws SQLException {
        connection.commit();
        uncommitted = 0;
    }

    @Override
    public synchronized void close() {
        try {
            commitNow();
            for (PreparedStatement q : lookups.values()) {
                q.close();
            }
            insert.close();
            markComplete.close();
            isComplete.close();
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
