package dev.augctl.history;

/**
 * One line of the duration history ({@code <log_dir>/history.jsonl}): a combo that ran, or a whole
 * shard. Fields a source does not know are null (a user's worker may not report rows, for example).
 *
 * @param kind        {@code combo} or {@code shard}
 * @param time        when the run that measured it ended (ISO-8601 UTC)
 * @param runId       the launch's run id
 * @param host        the machine the launcher ran on
 * @param worker      {@code augctl generate} for the built-in worker, else the command's program
 * @param combo       the combo's name (kind combo)
 * @param methods     its methods joined with {@code +} (kind combo), when known
 * @param inputSha256 the input file's SHA-256
 * @param inputRows   the input's data rows
 * @param shard       the shard that ran it
 * @param numShards   N of that run
 * @param seconds     measured duration
 * @param rows        rows the combo kept, when known
 */
public record HistoryEntry(String kind, String time, String runId, String host, String worker, String combo,
                           String methods, String inputSha256, Long inputRows, Integer shard, Integer numShards,
                           double seconds, Long rows) {
    public static final String COMBO = "combo";
    public static final String SHARD = "shard";
    /** The {@code worker} of the built-in worker's entries. */
    public static final String BUILTIN_WORKER = "augctl generate";

    public boolean isCombo() {
        return COMBO.equals(kind);
    }

    public boolean isShard() {
        return SHARD.equals(kind);
    }
}
