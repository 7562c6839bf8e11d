package dev.augctl.launch;

import dev.augctl.common.AtomicFiles;
import dev.augctl.common.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in worker's application class-data archive (the JVM's CDS): the classes a shard loads
 * (Parquet, SQLite, Jackson, Logback, extjwnl, augctl's own), stored pre-parsed in one file that
 * every later worker JVM maps instead of loading them again.
 *
 * <p>Made on first use: the first local shard that starts while there is none dumps its classes at
 * exit ({@code -XX:ArchiveClassesAtExit}) into a temporary file; once that shard has succeeded, the
 * archive is checked by a JVM that must map it ({@code -Xshare:on}) and only then renamed into place
 * (a truncated archive crashes the JVM that maps it, so nothing unchecked is ever used). Shards started
 * after that use it ({@code -XX:SharedArchiveFile}). The file's name is derived from the jar (path, size,
 * modification time) and the Java runtime (home and version), so a rebuilt jar or another JDK makes a
 * new one; a JVM that cannot use an archive runs without it. The JVM's CDS messages are switched off
 * ({@code -Xlog:cds=off}): they would land in the shard's log. When a new archive is made, only the
 * {@link #KEEP} most recently used of the folder stay.
 */
public final class ClassDataArchive {
    static final String PREFIX = "worker-";
    static final String SUFFIX = ".jsa";
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** Archives kept in the folder: the newest, and a few for other jars or runtimes still in use. */
    static final int KEEP = 3;
    private static final long CHECK_SECONDS = 60;

    private final Path file;
    /** The worker's java, then -jar and the jar (or another class path and main class). */
    private final List<String> worker;
    private Path making;
    private Integer maker;
    private boolean touched;

    ClassDataArchive(Path file, List<String> worker) {
        this.file = file;
        this.worker = List.copyOf(worker);
    }

    /**
     * The archive for this augctl's built-in worker (its jar, run by this Java as {@link BuiltinWorker}
     * starts it), kept in {@code dir}; empty when augctl does not run from a jar (a classes directory
     * changes without notice).
     */
    static Optional<ClassDataArchive> forWorker(Path dir) {
        Path jar = BuiltinWorker.runningJar();
        if (jar == null) {
            return Optional.empty();
        }
        String identity;
        try {
            identity = jar + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n"
                    + System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version");
        } catch (IOException e) {
            return Optional.empty();
        }
        // The JVM checks the jar's size and time itself: the name only keeps one archive per jar and runtime.
        String key = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16);
        Path file = dir.resolve(PREFIX + key + SUFFIX);
        return Optional.of(new ClassDataArchive(file, BuiltinWorker.command(List.of())));
    }

    /**
     * The archive a launch uses: for the built-in worker's shards on this machine (executor
     * {@code local}) when {@code worker.class_data_archive} is on; else empty.
     */
    static Optional<ClassDataArchive> forLaunch(LaunchSettings s, WorkerTemplate template, String executor) {
        boolean used = "local".equals(executor) && template.usesBuiltinWorker() && s.config.worker.classDataArchive;
        return used ? forWorker(defaultDir()) : Optional.empty();
    }

    /** Where archives are kept: {@code $XDG_CACHE_HOME/augctl/class-data}, by default under {@code ~/.cache}. */
    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("augctl").resolve("class-data");
    }

    public Path file() {
        return file;
    }

    /**
     * The JVM options of the shard {@code index} about to start: use the archive, or (the first shard
     * to start while there is none) make it, or none while another shard is making it.
     */
    public synchronized List<String> optionsFor(int index) {
        if (Files.isRegularFile(file)) {
            if (!touched) {
                touched = true;
                touch(file); // "last used", for the clean-up of old archives
            }
            return concat("-XX:SharedArchiveFile=" + file);
        }
        if (making != null) {
            return List.of();
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return List.of(); // no archive is no failure
        }
        making = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + index + ".tmp");
        maker = index;
        return concat("-XX:ArchiveClassesAtExit=" + making);
    }

    /** Called when shard {@code index} ended: if it was making the archive, keep it (checked) or drop it. */
    public synchronized void ended(int index, boolean succeeded) {
        if (maker == null || maker != index) {
            return;
        }
        Path tmp = making;
        making = null;
        maker = null;
        try {
            if (succeeded && Files.isRegularFile(tmp) && usable(tmp)) {
                AtomicFiles.moveIntoPlace(tmp, file);
                removeUnused();
            }
        } catch (IOException e) {
            // no archive is no failure: the next launch tries again
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file is removed with the old archives
            }
        }
    }

    /** Whether a JVM can map {@code archive}: {@code -Xshare:on} fails instead of running without it. */
    private boolean usable(Path archive) {
        List<String> command = new ArrayList<>();
        command.add(worker.get(0));
        command.add("-Xshare:on");
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-Xlog:disable");
        command.addAll(worker.subList(1, worker.size()));
        command.add("--version");
        return Programs.succeeds(command, Duration.ofSeconds(CHECK_SECONDS));
    }

    /**
     * Removes the archives of this folder beyond the {@link #KEEP} most recently used (each rebuilt jar
     * makes one), and stray temporary files older than a day.
     */
    void removeUnused() throws IOException {
        List<Path> archives = new ArrayList<>();
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(file.getParent())) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    archives.add(p);
                } else if (name.startsWith("." + PREFIX) && Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        archives.sort(Comparator.comparing(ClassDataArchive::modified).reversed());
        for (Path p : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
            if (!p.equals(file)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void touch(Path p) {
        try {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a read-only archive folder still serves
        }
    }

    private static List<String> concat(String option) {
        List<String> all = new ArrayList<>();
        all.add(option);
        all.addAll(QUIET);
        return all;
    }
}
