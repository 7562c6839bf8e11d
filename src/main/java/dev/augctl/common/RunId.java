package dev.augctl.common;

/**
 * The id of a run: the launcher puts it in every shard's environment ({@code AUGCTL_RUN_ID}); the
 * built-in worker writes it in its manifest's {@code run_id} column, so that merge can tell the
 * manifests of different runs apart.
 */
public final class RunId {
    /** The environment variable holding the run id. */
    public static final String VARIABLE = "AUGCTL_RUN_ID";
    /** The manifest column holding the run id of the shard that wrote the row. */
    public static final String COLUMN = "run_id";

    private RunId() {
    }

    /** This process's run id, or "" when it was not started by a launcher. */
    public static String current() {
        String id = System.getenv(VARIABLE);
        return id == null ? "" : id.trim();
    }
}
