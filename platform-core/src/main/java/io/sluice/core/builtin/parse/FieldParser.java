package io.sluice.core.builtin.parse;

import java.io.Serializable;
import java.util.List;

import io.sluice.api.error.RecordException;

/**
 * Reads one text into named values, one implementation per {@link ParseFormat}. Built on the
 * driver from validated options and shipped to executors inside {@link ParseRecordFunction}, so
 * implementations are serializable, immutable once built, and safe to call from several task
 * threads at once; helpers that are not serializable live in transient, lazily built fields.
 */
interface FieldParser extends Serializable {
    /**
     * Parses {@code text} and hands every value to {@code out}, in the order they appear.
     *
     * @throws RecordException if the text is not in the parser's format; the message names the
     *     position or field at fault but does not quote the text
     */
    void parse(String text, ParsedFieldWriter out);

    /** The names of the fields every parse sets, when the format fixes them; empty when the text names them. */
    default List<String> fixedFieldNames() {
        return List.of();
    }
}
