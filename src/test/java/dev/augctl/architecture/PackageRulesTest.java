package dev.augctl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the sources: every reference from one augctl
 * package to another (an import or a qualified name) must be allowed here, and only the commands
 * use picocli. A new package must be added to the table, and to the document, before it compiles
 * into a green build.
 */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/augctl");

    /** Package (below dev.augctl; "" is the root) to the packages it may use. Subpackages belong to their parent. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of("cli", "common")),
            Map.entry("cli", Set.of("*")),
            Map.entry("common", Set.of()),
            Map.entry("config", Set.of("gpu", "common")),
            Map.entry("gpu", Set.of("common")),
            Map.entry("run", Set.of("common")),
            Map.entry("launch", Set.of("run", "config", "gpu", "history", "common")),
            Map.entry("monitor", Set.of("run", "gpu", "history", "common")),
            Map.entry("serve", Set.of("monitor", "history", "common")),
            Map.entry("notify", Set.of("serve", "launch", "monitor", "run", "common")),
            Map.entry("merge", Set.of("common")),
            Map.entry("generate", Set.of("history", "common")),
            Map.entry("history", Set.of("common")));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.augctl\\.([a-z]+)(?:\\.[a-z]+)*\\.[A-Z]");
    private static final Pattern PICOCLI = Pattern.compile("\\bpicocli\\.");

    @Test
    void everyPackageUsesOnlyWhatTheArchitectureAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = topPackage(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package '%s' of %s is not in the rules (PackageRulesTest, docs/ARCHITECTURE.md)", pkg, file)
                    .isNotNull();
            String text = Files.readString(file);
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !allowed.contains("*") && !allowed.contains(used)) {
                    violations.add(SOURCES.relativize(file) + " uses dev.augctl." + used);
                }
            }
            if (!pkg.equals("cli") && !pkg.isEmpty() && PICOCLI.matcher(text).find()) {
                violations.add(SOURCES.relativize(file) + " uses picocli (only the commands may)");
            }
        }
        assertThat(violations).as("references that docs/ARCHITECTURE.md does not allow").isEmpty();
    }

    @Test
    void theRulesCatchAForbiddenReference() {
        Matcher m = REFERENCE.matcher("import dev.augctl.cli.VersionProvider;\nx = dev.augctl.generate.augment.MethodsFile.load(p);");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactly("cli", "generate");
        assertThat(ALLOWED.get("launch")).doesNotContain("cli", "generate");
    }

    @Test
    void theDocumentListsEveryPackageOfTheRules() throws IOException {
        String doc = Files.readString(Path.of("docs/ARCHITECTURE.md"));
        for (String pkg : ALLOWED.keySet()) {
            assertThat(doc).contains(pkg.isEmpty() ? "`dev.augctl`" : "`dev.augctl." + pkg + "`");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** "launch" for dev/augctl/launch/slurm/X.java, "" for dev/augctl/Main.java. */
    private static String topPackage(Path file) {
        Path rel = SOURCES.relativize(file);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }
}
