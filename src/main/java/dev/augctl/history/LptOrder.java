package dev.augctl.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Longest-processing-time-first list scheduling: jobs sorted by estimated duration, longest first,
 * ties (and jobs with no estimate, which get the median of the known ones) in their given order.
 */
public final class LptOrder {
    private LptOrder() {
    }

    /** {@code ids} reordered longest-estimated first; {@code estimates} may lack some ids. */
    public static <T> List<T> of(List<T> ids, Map<T, Double> estimates) {
        double[] known = ids.stream().filter(estimates::containsKey).mapToDouble(estimates::get).toArray();
        double fill = known.length == 0 ? 0 : Estimator.median(known);
        List<T> order = new ArrayList<>(ids);
        order.sort(Comparator.comparingDouble((T id) -> estimates.getOrDefault(id, fill)).reversed());
        return order; // List.sort is stable: equal estimates keep their given order
    }
}
