package io.sluice.api.record;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of field names, or "every field" when it is not known which are read. The planner uses
 * it to tell each record step which of its output fields later steps read (see
 * {@link io.sluice.api.transform.RecordFunction#requiredFields}), so a step can skip producing
 * the rest. The record's payload counts as one more field ({@link #containsPayload()}): a step
 * that reads the payload, or passes it on to readers of it, says so with {@link #withPayload()}.
 * Immutable.
 */
public final class FieldSet implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final FieldSet ALL = new FieldSet(null, true);
    private static final FieldSet NONE = new FieldSet(Set.of(), false);

    // null means every field, and the payload.
    private final Set<String> names;
    private final boolean payload;

    private FieldSet(Set<String> names, boolean payload) {
        this.names = names;
        this.payload = payload;
    }

    /** Every field: what is assumed of a reader that does not say what it reads. */
    public static FieldSet all() {
        return ALL;
    }

    /** No field at all, and not the payload. */
    public static FieldSet none() {
        return NONE;
    }

    public static FieldSet of(String... names) {
        return of(Arrays.asList(names));
    }

    /** These fields, without the payload. */
    public static FieldSet of(Collection<String> names) {
        requireNonNull(names, "names is null");
        return names.isEmpty() ? NONE : new FieldSet(Set.copyOf(names), false);
    }

    public boolean isAll() {
        return names == null;
    }

    public boolean contains(String name) {
        return names == null || names.contains(name);
    }

    /** Whether the record's payload is read: always for every field. */
    public boolean containsPayload() {
        return names == null || payload;
    }

    /** This set and the record's payload. */
    public FieldSet withPayload() {
        return containsPayload() ? this : new FieldSet(names, true);
    }

    /** The names in this set. */
    public Set<String> names() {
        if (names == null) {
            throw new IllegalStateException("the set of every field has no list of names; check isAll() first");
        }
        return names;
    }

    public FieldSet union(FieldSet other) {
        if (names == null || other.names == null) {
            return ALL;
        }
        Set<String> union = new LinkedHashSet<>(names);
        union.addAll(other.names);
        return withPayloadOf(of(union), payload || other.payload);
    }

    public FieldSet union(Collection<String> other) {
        return union(of(other));
    }

    /** This set without the fields {@code removed}, keeping the payload if it has it; every field stays every field. */
    public FieldSet minus(Collection<String> removed) {
        if (names == null) {
            return ALL;
        }
        Set<String> rest = new LinkedHashSet<>(names);
        rest.removeAll(removed);
        return withPayloadOf(of(rest), payload);
    }

    private static FieldSet withPayloadOf(FieldSet set, boolean payload) {
        return payload ? set.withPayload() : set;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet that && Objects.equals(names, that.names) && containsPayload() == that.containsPayload();
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, containsPayload());
    }

    @Override
    public String toString() {
        return names == null ? "[*]" : new TreeSet<>(names) + (payload ? " and the payload" : "");
    }
}
