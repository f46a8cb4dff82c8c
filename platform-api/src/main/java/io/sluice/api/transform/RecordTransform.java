package io.sluice.api.transform;

/** A transform applied record by record; the runtime fuses consecutive ones into one pass. */
public interface RecordTransform extends Transform {
    /** The function applied to every record; called once, on the driver, when the pipeline is planned. */
    RecordFunction function();
}
