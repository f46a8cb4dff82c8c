package io.sluice.core.builtin.map;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;

import jakarta.inject.Inject;

import io.sluice.api.error.ErrorKind;
import io.sluice.api.error.SluiceException;
import io.sluice.api.option.OptionProblem;
import io.sluice.api.option.OptionSpec;
import io.sluice.api.option.OptionSpecs;
import io.sluice.api.option.Options;
import io.sluice.api.option.OptionsException;
import io.sluice.api.plugin.PluginContext;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.TransformFactory;

/**
 * Creates {@code map} transforms from a user class implementing {@link RecordFunction} with a
 * public no-argument constructor. The class is looked up through the thread's context class
 * loader, which the runtime sets to the loader of the pipeline's plugins and user jars. The
 * instance is checked to serialize here, on the driver, rather than failing the first batch.
 */
public final class MapTransformFactory implements TransformFactory {
    static final OptionSpec<String> CLASS = OptionSpec.string("class").required()
            .doc("Fully qualified name of a class implementing io.sluice.api.transform.RecordFunction "
                    + "with a public no-argument constructor (nested classes as Outer$Inner); its jar goes in plugins/ or lib/");

    private static final OptionSpecs SPECS = OptionSpecs.of(CLASS);

    @Inject
    public MapTransformFactory() {
    }

    @Override
    public String type() {
        return "map";
    }

    @Override
    public String description() {
        return "Applies a user-supplied RecordFunction class to every record";
    }

    @Override
    public OptionSpecs options() {
        return SPECS;
    }

    @Override
    public RecordTransform create(Options options, PluginContext context) {
        String className = options.get(CLASS).trim();
        if (className.isEmpty()) {
            throw problem("must not be blank");
        }
        RecordFunction function = instantiate(load(className));
        checkSerializable(className, function);
        return () -> function;
    }

    private Class<? extends RecordFunction> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MapTransformFactory.class.getClassLoader();
        }
        Class<?> type;
        try {
            // Not initialized yet: a static initializer runs only once the class proved to be a RecordFunction.
            type = Class.forName(className, false, loader);
        }
        catch (ClassNotFoundException e) {
            throw problem("class [" + className + "] was not found; check the name and that its jar is in plugins/ or lib/");
        }
        catch (LinkageError e) {
            throw problem("class [" + className + "] could not be loaded: " + e);
        }
        if (!RecordFunction.class.isAssignableFrom(type)) {
            throw problem("class [" + className + "] does not implement [" + RecordFunction.class.getName() + "]");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw problem("class [" + className + "] is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw problem("class [" + className + "] is not public");
        }
        return type.asSubclass(RecordFunction.class);
    }

    private static RecordFunction instantiate(Class<? extends RecordFunction> type) {
        Constructor<? extends RecordFunction> constructor;
        try {
            constructor = type.getConstructor();
        }
        catch (NoSuchMethodException e) {
            throw problem("class [" + type.getName() + "] has no public no-argument constructor");
        }
        try {
            return constructor.newInstance();
        }
        catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SluiceException(ErrorKind.USER, false, "option [" + CLASS.key() + "]: creating an instance of class ["
                    + type.getName() + "] failed: " + cause, cause);
        }
        catch (ReflectiveOperationException | ExceptionInInitializerError e) {
            throw new SluiceException(ErrorKind.USER, false, "option [" + CLASS.key() + "]: creating an instance of class ["
                    + type.getName() + "] failed: " + e, e);
        }
    }

    /** Serializes the instance once, discarding the bytes: Spark would do the same with the first batch, later and less clearly. */
    private static void checkSerializable(String className, RecordFunction function) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(function);
        }
        catch (IOException e) {
            throw new SluiceException(ErrorKind.USER, false, "option [" + CLASS.key() + "]: an instance of class [" + className
                    + "] cannot be serialized to executors: " + e, e);
        }
    }

    private static OptionsException problem(String message) {
        return new OptionsException(List.of(new OptionProblem(CLASS.key(), message)));
    }
}
