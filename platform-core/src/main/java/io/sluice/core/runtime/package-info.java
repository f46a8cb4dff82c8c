/**
 * Running a planned pipeline: start or recover from the checkpoint, drive sinks with retries,
 * commit source positions after every sink wrote a batch, report progress, stop gracefully.
 */
package io.sluice.core.runtime;
