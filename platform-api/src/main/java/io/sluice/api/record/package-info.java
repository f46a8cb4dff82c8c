/**
 * The data model: {@link io.sluice.api.record.Record}, the immutable unit every stage passes on,
 * with its typed fields and its {@link io.sluice.api.record.Origin}.
 */
package io.sluice.api.record;
