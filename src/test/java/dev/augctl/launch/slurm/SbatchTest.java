package dev.augctl.launch.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The sbatch command line: array specs and verbatim extra arguments. */
class SbatchTest {
    @Test
    void arraySpecsAreRangesOrListsThrottledOnlyWhenJobsLimitThem() {
        assertThat(Sbatch.arraySpec(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6)), 7)).isEqualTo("0-6");
        assertThat(Sbatch.arraySpec(new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6)), 3)).isEqualTo("0-6%3");
        assertThat(Sbatch.arraySpec(new TreeSet<>(List.of(5, 2)), 7)).isEqualTo("2,5");
        assertThat(Sbatch.arraySpec(new TreeSet<>(List.of(2, 5, 9)), 2)).isEqualTo("2,5,9%2");
        assertThat(Sbatch.arraySpec(new TreeSet<>(List.of(4)), 1)).isEqualTo("4");
    }

    @Test
    void extraArgumentsGoVerbatimBeforeTheScript() {
        SlurmSettings s = new SlurmSettings();
        s.extraArgs = List.of("--gres", "gpu:1", "--comment=a b");
        assertThat(Sbatch.command(s, "0-2", Path.of("/logs/slurm_job.sh")))
                .containsExactly("sbatch", "--parsable", "--array=0-2", "--gres", "gpu:1", "--comment=a b", "/logs/slurm_job.sh");
    }
}
