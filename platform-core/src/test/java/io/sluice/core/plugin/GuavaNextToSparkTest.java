package io.sluice.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.google.common.collect.ImmutableList;
import com.google.inject.Guice;
import com.google.inject.Injector;

import io.sluice.api.plugin.PluginKind;

/**
 * Guice 7 needs a current Guava; Spark 3.5 keeps its own, relocated to org.sparkproject.guava.
 * On Spark's own class path (this test's), both work in one JVM: Guice builds the plugin
 * registry while a Spark job runs, and each sees the Guava it was built for.
 */
@Timeout(60)
class GuavaNextToSparkTest {
    @Test
    void guiceAndSparkShareAJvm() throws Exception {
        assertThat(ImmutableList.class.getProtectionDomain().getCodeSource().getLocation().getPath()).contains("guava-33.");
        assertThat(Class.forName("org.sparkproject.guava.collect.ImmutableList")).isNotNull();

        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("guava")
                .set("spark.ui.enabled", "false"))) {
            Injector injector = Guice.createInjector(binder -> binder.bind(String.class).toInstance("bound"));
            PluginRegistry registry = PluginLoader.load(getClass().getClassLoader());
            long sum = spark.parallelize(List.of(1, 2, 3, 4), 2).map(n -> n * 10).reduce(Integer::sum);

            assertThat(injector.getInstance(String.class)).isEqualTo("bound");
            assertThat(registry.all(PluginKind.TRANSFORM)).isNotEmpty();
            assertThat(sum).isEqualTo(100);
        }
    }
}
