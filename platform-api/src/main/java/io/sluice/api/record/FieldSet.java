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
 * the rest. Immutable.
 */
public final class FieldSet implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final FieldSet ALL = new FieldSet(null);
    private static final FieldSet NONE = new FieldSet(Set.of());

    // null means every field.
    private final Set<String> names;

    private FieldSet(Set<String> names) {
        this.names = names;
    }

    /** Every field: what is assumed of a reader that does not say what it reads. */
    public static FieldSet all() {
        return ALL;
    }

    /** No field at all. */
    public static FieldSet none() {
        return NONE;
    }

    public static FieldSet of(String... names) {
        return of(Arrays.asList(names));
    }

    public static FieldSet of(Collection<String> names) {
        requireNonNull(names, "names is null");
        return names.isEmpty() ? NONE : new FieldSet(Set.copyOf(names));
    }

    public boolean isAll() {
        return names == null;
    }

    public boolean contains(String name) {
        return names == null || names.contains(name);
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
        return of(union);
    }

    public FieldSet union(Collection<String> other) {
        return union(of(other));
    }

    /** This set without {@code removed}; every field stays every field. */
    public FieldSet minus(Collection<String> removed) {
        if (names == null) {
            return ALL;
        }
        Set<String> rest = new LinkedHashSet<>(names);
        rest.removeAll(removed);
        return of(rest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet that && Objects.equals(names, that.names);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(names);
    }

    @Override
    public String toString() {
        return names == null ? "[*]" : new TreeSet<>(names).toString();
    }
}
