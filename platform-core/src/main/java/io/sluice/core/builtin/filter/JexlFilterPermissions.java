package io.sluice.core.builtin.filter;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;

import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * What filter expressions may reach by reflection: methods of the values fields hold (strings and
 * boxed numbers, booleans and characters, instance methods only) and the static members of
 * {@link Math}, which expressions call through the {@code math:} namespace. Nothing else: no
 * constructors, no {@code getClass()} (declared by {@link Object}), no statics such as
 * {@link Long#getLong} that read system properties. An allow-list, not JEXL's deny-list
 * {@link JexlPermissions#RESTRICTED}, so a class left out is closed rather than open.
 */
final class JexlFilterPermissions implements JexlPermissions {
    static final JexlFilterPermissions INSTANCE = new JexlFilterPermissions();

    private static final Set<Class<?>> VALUE_CLASSES = Set.of(
            String.class, Long.class, Double.class, Boolean.class, Character.class, Integer.class);

    private JexlFilterPermissions() {
    }

    @Override
    public boolean allow(Package pack) {
        return pack != null && pack.getName().equals("java.lang");
    }

    @Override
    public boolean allow(Class<?> type) {
        return type != null && (VALUE_CLASSES.contains(type) || type == Math.class);
    }

    @Override
    public boolean allow(Constructor<?> constructor) {
        return false;
    }

    @Override
    public boolean allow(Field field) {
        return field != null && field.getDeclaringClass() == Math.class && Modifier.isStatic(field.getModifiers());
    }

    @Override
    public boolean allow(Method method) {
        if (method == null) {
            return false;
        }
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        Class<?> declaringClass = method.getDeclaringClass();
        return declaringClass == Math.class ? isStatic : !isStatic && VALUE_CLASSES.contains(declaringClass);
    }

    @Override
    public JexlPermissions compose(String... permissions) {
        throw new UnsupportedOperationException("filter permissions are fixed");
    }
}
