package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's life cycle: one maker at a time, nothing unchecked or half-written kept. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    private ClassDataArchive archive() {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.augctl.Main");
        return new ClassDataArchive(dir.resolve("class-data/worker-test.jsa"), java);
    }

    private static Path tmpOf(List<String> options) {
        return Path.of(options.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
    }

    @Test
    void theFirstShardMakesIt_theOthersWait_andAFailedMakerLeavesNothing() throws Exception {
        ClassDataArchive a = archive();
        List<String> first = a.optionsFor(0);
        assertThat(first.get(0)).startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("class-data/.worker-test.jsa."));
        assertThat(first).contains("-Xlog:cds=off");
        assertThat(a.optionsFor(1)).isEmpty(); // no second maker while the first runs
        Files.writeString(tmpOf(first), "half an archive");

        a.ended(1, true); // not the maker: nothing happens
        assertThat(tmpOf(first)).exists();
        a.ended(0, false);
        assertThat(tmpOf(first)).doesNotExist();
        assertThat(a.file()).doesNotExist();
        assertThat(a.optionsFor(2).get(0)).startsWith("-XX:ArchiveClassesAtExit="); // the next start tries again
    }

    @Test
    void anArchiveTheJvmCannotMapIsNeverPutInPlace() throws Exception {
        ClassDataArchive a = archive();
        Path tmp = tmpOf(a.optionsFor(0));
        Files.write(tmp, new byte[100_000]); // a truncated or garbled archive crashes or misleads the JVM that maps it
        a.ended(0, true);
        assertThat(a.file()).doesNotExist();
        assertThat(tmp).doesNotExist();
    }

    @Test
    void anArchiveInPlaceIsUsedByEveryShard() throws Exception {
        ClassDataArchive a = archive();
        Files.createDirectories(a.file().getParent());
        Files.writeString(a.file(), "made earlier");
        assertThat(a.optionsFor(0)).containsExactly("-XX:SharedArchiveFile=" + a.file(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(a.optionsFor(1)).startsWith("-XX:SharedArchiveFile=" + a.file());
    }

    @Test
    void onlyTheMostRecentlyUsedArchivesStay() throws Exception {
        ClassDataArchive a = archive();
        Path folder = a.file().getParent();
        Files.createDirectories(folder);
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 5; i++) {
            Path old = folder.resolve("worker-old" + i + ".jsa");
            Files.writeString(old, "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(now.minusSeconds(3600L * (i + 1))));
        }
        Path strayTmp = folder.resolve(".worker-old.jsa.1-0.tmp");
        Files.writeString(strayTmp, "x");
        Files.setLastModifiedTime(strayTmp, java.nio.file.attribute.FileTime.from(now.minusSeconds(2 * 86_400)));
        Path other = folder.resolve("notes.txt");
        Files.writeString(other, "not ours");
        Files.writeString(a.file(), "new");

        a.removeUnused();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("notes.txt", "worker-old0.jsa", "worker-old1.jsa", "worker-test.jsa");
        }
    }
}
