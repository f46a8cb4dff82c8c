package io.sluice.api.option;

import static java.util.Objects.requireNonNull;

/**
 * One problem found while parsing a plugin's options: the key at fault (relative to the plugin's
 * block) and what is wrong, phrased so the sentence reads with the bracketed values removed.
 *
 * @param key the option key, never null
 * @param message what is wrong and what is allowed, never null; never contains a secret's value
 */
public record OptionProblem(String key, String message) {
    public OptionProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }
}
