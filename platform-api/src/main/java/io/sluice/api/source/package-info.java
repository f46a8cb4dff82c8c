/**
 * Sources: a {@link io.sluice.api.source.SourceFactory} creates a {@link io.sluice.api.source.Source}
 * on the driver, which opens a DStream of records and may track the positions each batch read, so
 * the runtime commits them only after every sink wrote the batch.
 */
package io.sluice.api.source;
