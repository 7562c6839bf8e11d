package dev.augctl.generate;

/** The input columns the worker uses by role. */
public record Columns(String text, String evidence, String criterion, String label, String id) {
    /** The required columns with their flag names, for error messages. */
    public String[][] required() {
        return new String[][] {
            {"--text-col", text}, {"--evidence-col", evidence}, {"--criterion-col", criterion},
            {"--label-col", label}, {"--id-col", id},
        };
    }
}
