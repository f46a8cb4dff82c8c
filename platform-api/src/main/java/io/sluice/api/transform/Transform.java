package io.sluice.api.transform;

/**
 * A step of a pipeline: either a {@link RecordTransform} (record at a time, fused with its
 * neighbours) or a {@link StreamTransform} (whole stream). The runtime rejects any other kind.
 */
public interface Transform {
}
