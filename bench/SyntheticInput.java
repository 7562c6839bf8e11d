// Synthetic ReDSM5-schema CSV generator for benchmarks; run: java bench/SyntheticInput.java --rows 20000 --seed 7 --out /tmp/synthetic.csv [--from data/sample/redsm5_sample.csv]

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a large CSV in the ReDSM5 schema
 * ({@code post_id,sentence_id,sentence_text,DSM5_symptom,status,explanation}) by recombining the
 * sentences of a small sample. Output is a pure function of (sample bytes, --rows, --seed).
 *
 * <p>Exit codes: 0 success, 1 input/output error, 2 bad arguments.
 */
public final class SyntheticInput {

    static final List<String> HEADER =
            List.of("post_id", "sentence_id", "sentence_text", "DSM5_symptom", "status", "explanation");
    static final int MAX_ROWS = 50_000_000;
    static final int MAX_SENTENCES_PER_POST = 6;
    static final double JOIN_PROBABILITY = 0.35;
    static final double SWAP_PROBABILITY = 0.30;
    static final String[] CONNECTORS = {", and ", "; ", " — ", ", but ", ", because "};
    static final String[] LEADING_CONJUNCTIONS = {"and ", "but ", "so ", "because ", "or "};

    static final String USAGE = String.join("\n",
            "Usage: java bench/SyntheticInput.java --out FILE [--rows N] [--seed S] [--from SAMPLE]",
            "",
            "Generates a synthetic CSV in the ReDSM5 schema for benchmarks by recombining sample sentences.",
            "",
            "Options:",
            "  --out FILE      output CSV (required); written to a temp file in the same directory, then renamed",
            "  --rows N        number of data rows to generate, 1.." + MAX_ROWS + " (default 20000)",
            "  --seed S        seed for java.util.SplittableRandom, a long (default 7)",
            "  --from SAMPLE   sample CSV to recombine (default data/sample/redsm5_sample.csv)",
            "  -h, --help      print this help and exit",
            "",
            "The same sample, --rows and --seed always produce byte-identical output.",
            "Exit codes: 0 ok, 1 input/output error, 2 bad arguments.");

    /** One data row of the schema. */
    record Row(String postId, String sentenceId, String text, String symptom, String status, String explanation) {}

    /** Bad command-line usage (exit 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Unreadable or malformed input, or failed output (exit 1). */
    static final class DataException extends Exception {
        private static final long serialVersionUID = 1L;

        DataException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (UsageException e) {
            System.err.println("SyntheticInput: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (opts.help) {
            System.out.println(USAGE);
            return;
        }
        try {
            List<Row> sample = readSample(opts.from);
            List<Row> rows = generate(sample, opts.rows, opts.seed);
            writeAtomically(opts.out, rows);
            System.err.printf("SyntheticInput: wrote %d rows (%d sample rows, seed %d) to %s%n",
                    rows.size(), sample.size(), opts.seed, opts.out);
        } catch (DataException e) {
            System.err.println("SyntheticInput: " + e.getMessage());
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ arguments

    static final class Options {
        int rows = 20_000;
        long seed = 7L;
        Path from = Path.of("data/sample/redsm5_sample.csv");
        Path out;
        boolean help;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    o.help = true;
                    return o;
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 2) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--rows", "--seed", "--out", "--from" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException("option " + name + " needs a value");
                            }
                            value = args[++i];
                        }
                        o.set(name, value);
                    }
                    default -> throw new UsageException(arg.startsWith("-")
                            ? "unknown option '" + arg + "'"
                            : "unexpected argument '" + arg + "'");
                }
            }
            if (o.out == null) {
                throw new UsageException("missing required option --out");
            }
            return o;
        }

        private void set(String name, String value) throws UsageException {
            switch (name) {
                case "--rows" -> {
                    long n;
                    try {
                        n = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw new UsageException("--rows must be an integer, got '" + value + "'");
                    }
                    if (n < 1 || n > MAX_ROWS) {
                        throw new UsageException("--rows must be between 1 and " + MAX_ROWS + ", got " + n);
                    }
                    rows = (int) n;
                }
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seed must be a 64-bit integer, got '" + value + "'");
                    }
                }
                case "--out", "--from" -> {
                    if (value.isBlank()) {
                        throw new UsageException(name + " must not be empty");
                    }
                    Path p;
                    try {
                        p = Path.of(value);
                    } catch (RuntimeException e) {
                        throw new UsageException(name + " is not a valid path: '" + value + "'");
                    }
                    if (name.equals("--out")) {
                        out = p;
                    } else {
                        from = p;
                    }
                }
                default -> throw new IllegalStateException(name);
            }
        }
    }

    // ------------------------------------------------------------------ reading

    static List<Row> readSample(Path path) throws DataException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataException("cannot read sample " + path + ": " + describe(e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException("sample " + path + " is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = parseCsv(text, path.toString());
        if (records.isEmpty()) {
            throw new DataException("sample " + path + " is empty");
        }
        List<String> header = records.get(0);
        int[] index = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            index[c] = header.indexOf(HEADER.get(c));
            if (index[c] < 0) {
                throw new DataException("sample " + path + " has no column '" + HEADER.get(c)
                        + "' (header: " + String.join(",", header) + ")");
            }
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            if (f.size() != header.size()) {
                throw new DataException("sample " + path + ": record " + r + " has " + f.size()
                        + " fields, header has " + header.size());
            }
            Row row = new Row(f.get(index[0]), f.get(index[1]), f.get(index[2]),
                    f.get(index[3]), f.get(index[4]), f.get(index[5]));
            if (row.text().isBlank() || row.symptom().isBlank()) {
                throw new DataException("sample " + path + ": record " + r
                        + " has an empty sentence_text or DSM5_symptom");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DataException("sample " + path + " has a header but no data rows");
        }
        return rows;
    }

    /**
     * RFC 4180 parser: comma separator, fields optionally enclosed in double quotes, doubled quotes
     * inside quoted fields, line breaks (LF, CRLF or CR) inside quoted fields. Blank lines are
     * skipped. A quote inside an unquoted field, text after a closing quote or an unterminated quoted
     * field is an error.
     */
    static List<List<String>> parseCsv(String s, String source) throws DataException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;      // current field started with a quote
        boolean inQuotes = false;    // inside the quoted section
        boolean fieldStarted = false;
        int line = 1;
        int quoteLine = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && s.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (fieldStarted) {
                        throw new DataException(source + ":" + line + ": unexpected '\"' "
                                + (quoted ? "after a closing quote" : "inside an unquoted field"));
                    }
                    quoted = true;
                    inQuotes = true;
                    fieldStarted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoted = false;
                    fieldStarted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (fieldStarted || !fields.isEmpty()) {
                        fields.add(field.toString());
                        records.add(fields);
                        fields = new ArrayList<>();
                    }
                    field.setLength(0);
                    quoted = false;
                    fieldStarted = false;
                    line++;
                }
                default -> {
                    if (quoted) {
                        throw new DataException(source + ":" + line + ": unexpected character '" + c
                                + "' after a closing quote");
                    }
                    field.append(c);
                    fieldStarted = true;
                }
            }
        }
        if (inQuotes) {
            throw new DataException(source + ":" + quoteLine + ": quoted field is not terminated");
        }
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    // ------------------------------------------------------------------ generating

    static List<Row> generate(List<Row> sample, int count, long seed) {
        // Group sample rows by (label, status) so that a joined clause never contradicts the label.
        // LinkedHashMap keeps the grouping independent of hash iteration order.
        Map<String, List<Row>> byLabel = new LinkedHashMap<>();
        for (Row r : sample) {
            byLabel.computeIfAbsent(r.symptom() + '\u0000' + r.status(), k -> new ArrayList<>()).add(r);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Row> out = new ArrayList<>(count);
        int post = 0;
        while (out.size() < count) {
            post++;
            String postId = "s_" + post;
            int sentences = Math.min(count - out.size(), 1 + rng.nextInt(MAX_SENTENCES_PER_POST));
            int sentenceNo = 0;
            for (int k = 0; k < sentences; k++) {
                sentenceNo += 1 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : 0); // ascending, with gaps
                Row src = sample.get(rng.nextInt(sample.size()));
                String text = src.text();
                if (rng.nextDouble() < JOIN_PROBABILITY) {
                    List<Row> peers = byLabel.get(src.symptom() + '\u0000' + src.status());
                    Row other = peers.get(rng.nextInt(peers.size()));
                    if (other != src || peers.size() == 1) {
                        text = join(text, clauseOf(other.text(), rng),
                                CONNECTORS[rng.nextInt(CONNECTORS.length)]);
                    }
                }
                if (rng.nextDouble() < SWAP_PROBABILITY) {
                    text = swapWords(text, 1 + rng.nextInt(2), rng);
                }
                out.add(new Row(postId, postId + "_" + sentenceNo, text,
                        src.symptom(), src.status(), src.explanation()));
            }
        }
        return out;
    }

    /** A clause of a sentence: the part after its first comma/semicolon/dash, else its second half. */
    static String clauseOf(String sentence, SplittableRandom rng) {
        String s = sentence.strip();
        for (String sep : new String[] {", ", "; ", " — ", " - "}) {
            int at = s.indexOf(sep);
            if (at > 0 && at + sep.length() < s.length() && rng.nextBoolean()) {
                return tidyClause(s.substring(at + sep.length()));
            }
        }
        String[] words = s.split(" ");
        if (words.length < 4) {
            return tidyClause(s);
        }
        int from = words.length / 2 - rng.nextInt(Math.max(1, words.length / 4));
        return tidyClause(String.join(" ", Arrays.copyOfRange(words, Math.max(1, from), words.length)));
    }

    /** Drops a leading conjunction (the connector supplies one) and lower-cases the first letter. */
    static String tidyClause(String clause) {
        String c = clause.strip();
        for (String conj : LEADING_CONJUNCTIONS) {
            if (c.length() > conj.length() && c.regionMatches(true, 0, conj, 0, conj.length())) {
                c = c.substring(conj.length()).strip();
                break;
            }
        }
        return lowerFirst(c);
    }

    static String join(String base, String clause, String connector) {
        String b = base.strip();
        while (!b.isEmpty() && ".!?".indexOf(b.charAt(b.length() - 1)) >= 0) {
            b = b.substring(0, b.length() - 1);
        }
        if (b.isEmpty()) {
            return clause;
        }
        return b + connector + clause;
    }

    /** Lower-cases an initial capital unless it is the pronoun "I" (I, I'm, I've) or an acronym. */
    static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int next = s.length() > Character.charCount(first) ? s.codePointAt(Character.charCount(first)) : ' ';
        if (Character.isUpperCase(first) && Character.isLowerCase(next)) {
            return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
                    .append(s, Character.charCount(first), s.length()).toString();
        }
        return s;
    }

    /** Swaps {@code times} random pairs of adjacent inner words (first and last word stay put). */
    static String swapWords(String text, int times, SplittableRandom rng) {
        String[] words = text.split(" ", -1);
        if (words.length < 4) {
            return text;
        }
        for (int t = 0; t < times; t++) {
            int i = 1 + rng.nextInt(words.length - 3); // i and i+1 both in [1, length-2]
            String tmp = words[i];
            words[i] = words[i + 1];
            words[i + 1] = tmp;
        }
        return String.join(" ", words);
    }

    // ------------------------------------------------------------------ writing

    static void writeAtomically(Path out, List<Row> rows) throws DataException {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DataException("output directory does not exist: " + dir);
        }
        if (Files.isDirectory(target)) {
            throw new DataException("output path is a directory: " + target);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                writeRecord(w, HEADER);
                for (Row r : rows) {
                    writeRecord(w, List.of(r.postId(), r.sentenceId(), r.text(),
                            r.symptom(), r.status(), r.explanation()));
                }
            }
            setReadablePermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new DataException("cannot write " + target + ": " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort cleanup of the temp file
                }
            }
        }
    }

    /**
     * Temp files are created owner-only (0600); give the result the permissions of the file it
     * replaces, or rw-r--r-- for a new file, on file systems with POSIX permissions.
     */
    static void setReadablePermissions(Path tmp, Path target) throws IOException {
        if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    static void writeRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write('\n');
    }

    /** RFC 4180 minimal quoting: only fields containing a comma, quote, CR or LF are quoted. */
    static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
