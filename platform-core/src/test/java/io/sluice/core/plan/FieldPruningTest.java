package io.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.transform.RecordFunction;
import io.sluice.api.transform.RecordTransform;
import io.sluice.api.transform.StreamTransform;
import io.sluice.api.transform.TransformFactory;
import io.sluice.core.builtin.aggregate.CountByValueTransformFactory;
import io.sluice.core.builtin.filter.FilterTransformFactory;
import io.sluice.core.builtin.parse.ParseTransformFactory;
import io.sluice.core.builtin.select.DropTransformFactory;
import io.sluice.core.builtin.select.RenameTransformFactory;
import io.sluice.core.builtin.select.SelectTransformFactory;
import io.sluice.testkit.TestingPluginContext;

/** A fused pass asks its steps, from its end back to its start, which fields they read. */
class FieldPruningTest {
    private static final List<String> LINES = List.of("t1,web-1,INFO,ok", "t2,web-2,DEBUG,noise", "t3,db-1,ERROR,disk full");

    @Test
    void parseBuildsOnlyWhatTheStepsAfterItRead() throws Exception {
        List<RecordStep> steps = List.of(
                step(new ParseTransformFactory(), Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message"))),
                step(new RenameTransformFactory(), Map.of("fields", Map.of("level", "severity"))),
                step(new FilterTransformFactory(), Map.of("expression", "severity != 'DEBUG' && host =~ '^(web|db)-.*'")),
                step(new DropTransformFactory(), Map.of("fields", List.of("message"))),
                new RecordStep("count-by-value", ((StreamTransform) new CountByValueTransformFactory()
                        .create(new CountByValueTransformFactory().options().parse(Map.of("field", "severity")), TestingPluginContext.of("c")))
                        .prepare().orElseThrow()));

        FusedPass pass = new FusedPass(steps, true);

        Record parsed = apply(pass.steps().get(0).function(), line(LINES.get(0)));
        assertThat(parsed.fieldNames()).containsExactlyInAnyOrder("host", "level");
        assertThat(parsed.payload()).as("no later step reads the payload").isNull();
        List<Record> prepared = run(pass);
        assertThat(prepared).extracting(record -> record.get("severity")).containsExactly("INFO", "ERROR");
    }

    @Test
    void aPassWhoseReadersAreUnknownKeepsEveryField() throws Exception {
        FusedPass pass = new FusedPass(List.of(
                step(new ParseTransformFactory(), Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message")))), true);

        assertThat(run(pass).get(0).fieldNames()).containsExactly("ts", "host", "level", "message");
        assertThat(run(pass).get(0).payloadAsString()).isEqualTo(LINES.get(0));
    }

    @Test
    void thePayloadStaysForAReaderBehindStepsThatPassItOn() throws Exception {
        // A second parse reads the payload through select, rename, filter and drop.
        FusedPass pass = new FusedPass(List.of(
                step(new ParseTransformFactory(), Map.of("format", "csv", "fields", List.of("ts", "host", "level", "message"))),
                step(new SelectTransformFactory(), Map.of("fields", List.of("host", "level"))),
                step(new RenameTransformFactory(), Map.of("fields", Map.of("level", "severity"))),
                step(new FilterTransformFactory(), Map.of("expression", "severity != 'DEBUG'")),
                step(new DropTransformFactory(), Map.of("fields", List.of("severity"))),
                step(new ParseTransformFactory(), Map.of("format", "csv", "fields", List.of("a", "b", "c", "d")))), true);

        List<Record> output = run(pass);

        assertThat(output).extracting(record -> record.get("c")).containsExactly("INFO", "ERROR");
        assertThat(output).extracting(record -> record.get("host")).containsExactly("web-1", "db-1");
    }

    private static RecordStep step(TransformFactory factory, Map<String, ?> options) {
        RecordTransform transform = (RecordTransform) factory.create(factory.options().parse(options), TestingPluginContext.of("t"));
        return new RecordStep(factory.type(), transform.function());
    }

    private static Record line(String text) {
        return Record.builder().payload(text.getBytes(StandardCharsets.UTF_8)).origin(new Origin("logs", "p0", 0)).build();
    }

    private static Record apply(RecordFunction function, Record record) throws Exception {
        List<Record> out = new ArrayList<>();
        function.apply(record, out::add);
        return out.get(0);
    }

    private static List<Record> run(FusedPass pass) {
        FusedPass.Counters counters = new FusedPass.Counters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
        Iterator<Record> output = pass.strict(LINES.stream().map(FieldPruningTest::line).iterator(), counters);
        List<Record> records = new ArrayList<>();
        output.forEachRemaining(records::add);
        return records;
    }
}
