package dev.augctl.generate.augment;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Groups of interchangeable terms (nlpaug's ReservedAug) read from a YAML file
 * {@code groups: [[therapist, counselor], ...]}. A term may have several words ("panic attack").
 */
final class ReservedTokens {
    /** One term: its words in lower case, its group and its position in the group. */
    record Term(String[] words, int group, int member) {
    }

    private static final Term[] NONE = new Term[0];
    private final List<List<String>> groups;
    private final Map<String, Term[]> byFirstWord;

    private ReservedTokens(List<List<String>> groups, Map<String, Term[]> byFirstWord) {
        this.groups = groups;
        this.byFirstWord = byFirstWord;
    }

    /** Terms starting with this lower-case word, longest first. */
    Term[] startingWith(String lowerWord) {
        return byFirstWord.getOrDefault(lowerWord, NONE);
    }

    List<String> group(int g) {
        return groups.get(g);
    }

    int groupCount() {
        return groups.size();
    }

    static ReservedTokens read(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read reserved tokens " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw AugctlException.badInput(file + ": invalid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("groups") instanceof List<?> list)) {
            throw AugctlException.badInput(file + ": expected a mapping with a 'groups' list of term lists");
        }
        List<List<String>> groups = new ArrayList<>();
        Map<String, List<Term>> index = new HashMap<>();
        Map<String, Integer> owner = new HashMap<>();
        for (Object g : list) {
            int number = groups.size() + 1;
            if (!(g instanceof List<?> terms) || terms.size() < 2) {
                throw AugctlException.badInput(file + ": group " + number + " must be a list of at least 2 terms");
            }
            List<String> members = new ArrayList<>();
            for (Object t : terms) {
                if (!(t instanceof String s) || s.isBlank()) {
                    throw AugctlException.badInput(file + ": group " + number + " has a term that is not a string: " + t);
                }
                String[] words = words(s.strip(), file, number);
                String key = String.join(" ", words);
                Integer before = owner.putIfAbsent(key, number);
                if (before != null) {
                    throw AugctlException.badInput(file + ": term '" + s + "' is in group " + before + " and group " + number);
                }
                index.computeIfAbsent(words[0], k -> new ArrayList<>())
                        .add(new Term(words, groups.size(), members.size()));
                members.add(s.strip());
            }
            groups.add(List.copyOf(members));
        }
        Map<String, Term[]> byFirst = new HashMap<>();
        index.forEach((k, v) -> {
            v.sort(Comparator.comparingInt((Term t) -> -t.words().length));
            byFirst.put(k, v.toArray(NONE));
        });
        return new ReservedTokens(List.copyOf(groups), byFirst);
    }

    /** The words of a term, which must be words separated by single spaces. */
    private static String[] words(String term, Path file, int group) {
        Draft d = Draft.of(term, Span.NONE);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            boolean wordSlot = i % 2 == 0;
            if (wordSlot ? !d.isWord(i) : !" ".equals(d.text(i))) {
                throw AugctlException.badInput(file + ": group " + group + ": term '" + term
                        + "' must be words separated by single spaces");
            }
            if (wordSlot) {
                out.add(Casing.lower(d.text(i)).replace('\u2019', '\''));
            }
        }
        return out.toArray(new String[0]);
    }
}
