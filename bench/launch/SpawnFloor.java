import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The floor of any JVM launcher: a bare program that starts N processes, at most J at once, each
 * through setsid with its output appended to a file of its own (as augctl launch does), and waits
 * for them. No options, config, run state or messages.
 *
 * <pre>java bench/launch/SpawnFloor.java N J DIR COMMAND...</pre>
 */
public class SpawnFloor {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int jobs = Integer.parseInt(args[1]);
        File dir = new File(args[2]);
        List<String> command = new ArrayList<>(List.of("/usr/bin/setsid"));
        command.addAll(List.of(args).subList(3, args.length));
        Semaphore slots = new Semaphore(jobs);
        List<CompletableFuture<Process>> ends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir, "shard_" + i + ".log")));
            ends.add(pb.start().onExit().whenComplete((p, e) -> slots.release()));
        }
        for (CompletableFuture<Process> end : ends) {
            end.join();
        }
    }
}
