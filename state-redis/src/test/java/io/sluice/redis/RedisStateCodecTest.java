package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sluice.api.error.SluiceException;
import io.sluice.api.record.Origin;
import io.sluice.api.record.Record;
import io.sluice.api.state.StoredState;

class RedisStateCodecTest {
    private static final long BATCH_TIME = 1767225600000L;

    /**
     * Bytes of format 1 as Sluice 0.1 wrote them, frozen here: every later version must decode
     * them to the same state. Never regenerate this literal; add one per new format instead.
     */
    private static final String FORMAT_1_STATE = "010000019b76daa80000000904726f77730206027630034004000000000000026330020402663005"
            + "046e616d6501054552524f520261740680e4ad950d050372617707020102046e6f6e6500036e6567020d";
    private static final String FORMAT_1_REMOVED = "010000019b76daa80001";

    private static Record sampleState() {
        return Record.builder().field("rows", 3L).field("v0", 2.5).field("c0", 2L).field("f0", true).field("name", "ERROR")
                .field("at", Instant.ofEpochSecond(1767225600L, 5)).field("raw", new byte[] {1, 2}).field("none", null)
                .field("neg", -7L).build();
    }

    @Test
    void format1BytesWrittenByAnEarlierVersionDecode() {
        Optional<StoredState> decoded = RedisStateCodec.decode(HexFormat.of().parseHex(FORMAT_1_STATE));

        assertThat(decoded).contains(new StoredState(sampleState(), BATCH_TIME));
        assertThat(RedisStateCodec.decode(HexFormat.of().parseHex(FORMAT_1_REMOVED))).isEmpty();
        assertThat(RedisStateCodec.batchTime(HexFormat.of().parseHex(FORMAT_1_REMOVED))).isEqualTo(BATCH_TIME);
    }

    @Test
    void thisVersionStillWritesFormat1Unchanged() {
        assertThat(HexFormat.of().formatHex(RedisStateCodec.encode(sampleState(), BATCH_TIME))).isEqualTo(FORMAT_1_STATE);
        assertThat(HexFormat.of().formatHex(RedisStateCodec.encodeRemoved(BATCH_TIME))).isEqualTo(FORMAT_1_REMOVED);
    }

    @Test
    void roundTripsKeyPayloadEventTimeOriginAndEveryFieldType() {
        Record state = Record.builder().key("k").payload(new byte[] {9, 8, 7}).eventTime(42L).origin(new Origin("logs", "p-0", -1))
                .field("s", "héllo|\\").field("l", Long.MIN_VALUE).field("l2", Long.MAX_VALUE).field("d", -0.0).field("nan", Double.NaN)
                .field("b", false).field("t", Instant.ofEpochSecond(-5, 999_999_999)).field("empty", new byte[0]).build();

        byte[] bytes = RedisStateCodec.encode(state, 7L);

        assertThat(bytes[0]).isEqualTo(RedisStateCodec.FORMAT_1);
        assertThat(RedisStateCodec.decode(bytes)).contains(new StoredState(state, 7L));
    }

    @Test
    void isCompactForACountState() {
        Record count = Record.builder().field("rows", 12345L).field("v0", 12345.0).field("c0", 12345L).field("f0", false).build();

        assertThat(RedisStateCodec.encode(count, BATCH_TIME)).hasSizeLessThan(48);
    }

    @Test
    void refusesUnknownFormatsCorruptBytesAndForeignValues() {
        byte[] future = RedisStateCodec.encode(sampleState(), BATCH_TIME);
        future[0] = 2;
        byte[] cut = HexFormat.of().parseHex(FORMAT_1_STATE.substring(0, 40));

        assertThatThrownBy(() -> RedisStateCodec.decode(future)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("format [2]").matches(e -> !((SluiceException) e).isRetriable());
        assertThatThrownBy(() -> RedisStateCodec.decode(cut)).isInstanceOf(SluiceException.class).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> RedisStateCodec.decode("42".getBytes())).isInstanceOf(SluiceException.class)
                .hasMessageContaining("not Sluice state");
    }
}
