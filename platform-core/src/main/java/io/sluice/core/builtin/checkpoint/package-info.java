/** The default state store: keyed state kept by Spark ({@code mapWithState}) and saved in the pipeline's checkpoint. */
package io.sluice.core.builtin.checkpoint;
