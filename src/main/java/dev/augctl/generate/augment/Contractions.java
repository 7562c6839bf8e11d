package dev.augctl.generate.augment;

import java.util.HashMap;
import java.util.Map;

/** The contraction table (as in CheckList's expand/contract perturbations), both directions. */
final class Contractions {
    private static final String[][] PAIRS = {
        {"are not", "aren't"}, {"cannot", "can't"}, {"could not", "couldn't"}, {"did not", "didn't"},
        {"does not", "doesn't"}, {"do not", "don't"}, {"had not", "hadn't"}, {"has not", "hasn't"},
        {"have not", "haven't"}, {"he is", "he's"}, {"he will", "he'll"}, {"he would", "he'd"},
        {"how is", "how's"}, {"I am", "I'm"}, {"I have", "I've"}, {"I will", "I'll"}, {"I would", "I'd"},
        {"is not", "isn't"}, {"it is", "it's"}, {"it will", "it'll"}, {"let us", "let's"},
        {"must not", "mustn't"}, {"need not", "needn't"}, {"she is", "she's"}, {"she will", "she'll"},
        {"she would", "she'd"}, {"should not", "shouldn't"}, {"that is", "that's"}, {"there is", "there's"},
        {"they are", "they're"}, {"they have", "they've"}, {"they will", "they'll"}, {"they would", "they'd"},
        {"was not", "wasn't"}, {"we are", "we're"}, {"we have", "we've"}, {"we will", "we'll"},
        {"we would", "we'd"}, {"were not", "weren't"}, {"what is", "what's"}, {"where is", "where's"},
        {"who is", "who's"}, {"will not", "won't"}, {"would not", "wouldn't"}, {"you are", "you're"},
        {"you have", "you've"}, {"you will", "you'll"}, {"you would", "you'd"}, {"could have", "could've"},
        {"should have", "should've"}, {"would have", "would've"}, {"might have", "might've"},
        {"here is", "here's"}, {"might not", "mightn't"}, {"what are", "what're"}, {"who are", "who're"},
    };

    /** Lower-case contraction (straight apostrophe) to its expansion. */
    static final Map<String, String> EXPAND = new HashMap<>();
    /** Lower-case expansion to its contraction. */
    static final Map<String, String> CONTRACT = new HashMap<>();

    static {
        for (String[] p : PAIRS) {
            EXPAND.putIfAbsent(p[1].toLowerCase(java.util.Locale.ROOT), p[0]);
            CONTRACT.putIfAbsent(p[0].toLowerCase(java.util.Locale.ROOT), p[1]);
        }
    }

    private Contractions() {
    }
}
