package dev.augctl.generate.augment;

import dev.augctl.common.AugctlException;
import dev.augctl.common.Suggest;

/** Builds the augmenter of a validated method entry. */
public final class AugmenterFactory {
    private AugmenterFactory() {
    }

    /**
     * The augmenter for {@code spec}; parameters missing from {@code spec.params()} take their
     * defaults. Dictionary files are read (once per resources object) here, so a bad one fails
     * before any work starts.
     */
    public static Augmenter create(MethodSpec spec, AugmentResources resources) {
        MethodType type = MethodTypes.get(spec.type());
        if (type == null) {
            String near = Suggest.nearest(spec.type(), MethodTypes.names());
            throw AugctlException.badInput("method '" + spec.name() + "': unknown type '" + spec.type() + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
        return type.factory().create(new Params(type, spec.params()), resources);
    }
}
