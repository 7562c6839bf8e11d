package dev.augctl.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.augctl.common.Json;
import dev.augctl.common.TextTable;
import dev.augctl.merge.MergeReport.Extreme;
import dev.augctl.merge.MergeReport.ShardSummary;
import dev.augctl.merge.MergeReport.Stats;
import dev.augctl.merge.MergeReport.VerifyFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link MergeReport} as a table for people or as one JSON document for programs. */
public final class ReportFormatter {
    private ReportFormatter() {
    }

    /** The statistics as aligned text, ending with a newline. */
    public static String text(MergeReport r) {
        Stats s = r.stats();
        StringBuilder b = new StringBuilder();
        b.append(r.written() ? "merged " : "NOT merged (verification failed): ")
                .append(s.shards().size()).append(" shard manifest").append(s.shards().size() == 1 ? "" : "s")
                .append(" (N=").append(r.numShards()).append(") into ").append(r.output()).append('\n');
        if (!r.missingShards().isEmpty()) {
            b.append("missing shards (--allow-missing): ").append(join(r.missingShards())).append('\n');
        }
        b.append('\n');
        shardTable(b, s);
        b.append('\n');
        row(b, "combos", Long.toString(s.totalCombos()));
        row(b, "rows", Long.toString(s.totalRows()));
        if (s.min() != null) {
            row(b, "rows per combo", "min " + extreme(s.min()) + ", max " + extreme(s.max()) + ", average "
                    + String.format(Locale.ROOT, "%.1f", s.averageRows()));
        }
        if (s.rejectedColumn()) {
            row(b, "rejected", Long.toString(s.totalRejected()));
        }
        if (r.verification() != null) {
            long bad = r.verification().failures().size();
            row(b, "verified", r.verification().checked() + " datasets, "
                    + (bad == 0 ? "all match" : bad + " do not match (listed on stderr)"));
        }
        if (r.written()) {
            row(b, "shard manifests", r.shardsDeleted() ? "deleted (--keep-shards keeps them)" : "kept");
        } else {
            row(b, "output", "nothing written, nothing deleted");
        }
        return b.toString();
    }

    /** The same content as one JSON document, ending with a newline. */
    public static String json(MergeReport r) {
        Stats s = r.stats();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("output", r.output().toString());
        doc.put("written", r.written());
        doc.put("shards_deleted", r.shardsDeleted());
        doc.put("num_shards", r.numShards());
        doc.put("missing_shards", r.missingShards());
        doc.put("total_combos", s.totalCombos());
        doc.put("total_rows", s.totalRows());
        doc.put("min_rows", extremeJson(s.min()));
        doc.put("max_rows", extremeJson(s.max()));
        doc.put("average_rows", s.totalCombos() == 0 ? null : s.averageRows());
        doc.put("total_rejected", s.totalRejected());
        List<Map<String, Object>> shards = new ArrayList<>();
        for (ShardSummary sh : s.shards()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", sh.index());
            m.put("file", sh.file());
            m.put("combos", sh.combos());
            m.put("rows", sh.rows());
            m.put("rejected", sh.rejected());
            shards.add(m);
        }
        doc.put("shards", shards);
        if (r.verification() != null) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("checked", r.verification().checked());
            List<Map<String, Object>> failures = new ArrayList<>();
            for (VerifyFailure f : r.verification().failures()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("manifest", f.manifest());
                m.put("line", f.line());
                m.put("combo", f.combo());
                m.put("dataset", f.dataset());
                m.put("expected_rows", f.expectedRows());
                m.put("found_rows", f.foundRows());
                m.put("problem", f.problem());
                failures.add(m);
            }
            v.put("failures", failures);
            doc.put("verify", v);
        } else {
            doc.put("verify", null);
        }
        try {
            return Json.mapper().writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the merge report as JSON", e);
        }
    }

    private static void shardTable(StringBuilder b, Stats s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(s.rejectedColumn() ? new String[] {"shard", "manifest", "combos", "rows", "rejected"}
                : new String[] {"shard", "manifest", "combos", "rows"});
        for (ShardSummary sh : s.shards()) {
            rows.add(cells(s, Integer.toString(sh.index()), sh.file(), sh.combos(), sh.rows(), sh.rejected()));
        }
        rows.add(cells(s, "total", "", s.totalCombos(), s.totalRows(), s.totalRejected()));
        // Numbers to the right; the manifest's file name (column 1) to the left.
        TextTable.lines(rows, column -> column != 1).forEach(line -> b.append(line).append('\n'));
    }

    private static String[] cells(Stats s, String shard, String file, long combos, long rows, Long rejected) {
        return s.rejectedColumn()
                ? new String[] {shard, file, Long.toString(combos), Long.toString(rows), String.valueOf(rejected)}
                : new String[] {shard, file, Long.toString(combos), Long.toString(rows)};
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(label).append(" ".repeat(Math.max(1, 17 - label.length()))).append(value).append('\n');
    }

    /** "5400 (combo_1_eda, combo_1_ocr +2 more)". */
    private static String extreme(Extreme e) {
        long more = e.count() - e.combos().size();
        return e.rows() + " (" + String.join(", ", e.combos()) + (more > 0 ? " +" + more + " more" : "") + ")";
    }

    private static Map<String, Object> extremeJson(Extreme e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", e.rows());
        m.put("combos", e.combos());
        m.put("count", e.count());
        return m;
    }

    private static String join(List<Integer> values) {
        StringBuilder b = new StringBuilder();
        for (Integer v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(v);
        }
        return b.toString();
    }
}
