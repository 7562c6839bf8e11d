package dev.augctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option lists under headings ("Shards:", "Worker:", ...) for commands with many options, instead of
 * one alphabetical list. A command declares its sections by option name; options it does not list
 * (help, version, verbose, and any option added later) go under "Other options:", so none is lost.
 */
public final class HelpSections {
    /** A command whose --help groups its options. */
    public interface Sectioned {
        /** Heading to the long names of its options, in the order shown. */
        Map<String, List<String>> sections();
    }

    private HelpSections() {
    }

    /** Installs the grouped option list on every (sub)command of {@code root} that declares sections. */
    public static void install(CommandLine root) {
        if (root.getCommand() instanceof Sectioned s) {
            Map<String, List<String>> sections = s.sections();
            root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
            root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> render(help, sections));
        }
        root.getSubcommands().values().forEach(HelpSections::install);
    }

    private static String render(CommandLine.Help help, Map<String, List<String>> sections) {
        Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
        Set<OptionSpec> placed = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> e : sections.entrySet()) {
            List<OptionSpec> options = new ArrayList<>();
            for (String name : e.getValue()) {
                OptionSpec o = help.commandSpec().findOption(name);
                if (o != null && !o.hidden() && placed.add(o)) {
                    options.add(o);
                }
            }
            groups.put(e.getKey(), options);
        }
        List<OptionSpec> other = help.commandSpec().options().stream().filter(o -> !o.hidden() && !placed.contains(o)).toList();
        groups.put("Other options", other);
        StringBuilder out = new StringBuilder();
        groups.forEach((heading, options) -> {
            if (!options.isEmpty()) {
                out.append(String.format("%n%s:%n", heading)).append(help.optionListExcludingGroups(options,
                        help.createDefaultLayout(), null, help.createDefaultParamLabelRenderer()));
            }
        });
        return out.toString();
    }
}
