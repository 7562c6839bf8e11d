package dev.augctl.generate.augment;

import java.util.List;

/** A method type: its parameters (with defaults and ranges) and how to build its augmenter. */
record MethodType(String name, String level, String summary, List<ParamDef> params, Factory factory) {

    /** Builds the augmenter from resolved parameters. */
    interface Factory {
        Augmenter create(Params params, AugmentResources resources);
    }

    ParamDef param(String key) {
        for (ParamDef p : params) {
            if (p.name().equals(key)) {
                return p;
            }
        }
        return null;
    }

    List<String> paramNames() {
        return params.stream().map(ParamDef::name).sorted().toList();
    }
}
