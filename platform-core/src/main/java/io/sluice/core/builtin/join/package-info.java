/** {@code type = join}: two named streams joined by key within a window. */
package io.sluice.core.builtin.join;
