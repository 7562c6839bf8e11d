// WordNet load time in a fresh JVM; run by bench/augment/wordnet_load.sh with target/augctl.jar on the class path.

import dev.augctl.generate.augment.WordNet;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Prints one line: how long the first WordNet load of this JVM took, class loading included, and the
 * JVM's uptime when it finished. Argument {@code augctl} (default) loads it the way the worker does
 * ({@code WordNet.shared()}); {@code extjwnl-default} uses extjwnl's {@code getDefaultResourceInstance()}
 * (every file of the data jar), for comparison.
 */
public final class WordNetLoad {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "augctl";
        long t0 = System.nanoTime();
        Object d = switch (mode) {
            case "augctl" -> WordNet.shared().dictionary();
            case "extjwnl-default" -> Dictionary.getDefaultResourceInstance();
            default -> throw new IllegalArgumentException("mode: augctl or extjwnl-default, not " + mode);
        };
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s: load %d ms (JVM uptime %d ms)%s%n", mode, ms,
                ManagementFactory.getRuntimeMXBean().getUptime(), d == null ? " FAILED" : "");
    }
}
