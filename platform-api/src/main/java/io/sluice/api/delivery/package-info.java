/**
 * What a source and a sink promise about replays, from which the runtime derives and prints the
 * end-to-end guarantee of a pipeline.
 */
package io.sluice.api.delivery;
