package dev.augctl.launch;

import dev.augctl.common.Programs;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code {augctl}} stands for: the running Java, the worker's JVM options, and this augctl. */
public final class BuiltinWorker {
    private static final String MAIN_CLASS = "dev.augctl.Main";

    private BuiltinWorker() {
    }

    /** {@code java [java_opts] -jar augctl.jar}, or {@code -cp <class path> dev.augctl.Main} outside a jar. */
    public static List<String> command(List<String> javaOpts) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(javaOpts);
        Path jar = runningJar();
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(MAIN_CLASS);
        }
        return cmd;
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar this class was loaded from, or null when it runs from a classes directory. */
    static Path runningJar() {
        try {
            var source = BuiltinWorker.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p.toAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code program} can be run: a file path that is executable, or a name found on PATH. */
    public static boolean resolvable(String program) {
        return Programs.resolvable(program);
    }
}
