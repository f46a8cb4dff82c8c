/** {@code type = window}: a sliding window of records over the last batches. */
package io.sluice.core.builtin.window;
