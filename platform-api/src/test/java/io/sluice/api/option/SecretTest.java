package io.sluice.api.option;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void serializedFormNeverHoldsTheClearText() throws Exception {
        Options options = OptionSpecs.of(OptionSpec.secret("password")).parse(Map.of("password", "hunter2-correct-horse"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        assertThat(new String(bytes.toByteArray(), ISO_8859_1)).doesNotContain("hunter2");

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Options read = (Options) in.readObject();
            assertThat(read.get(OptionSpec.secret("password")).reveal()).isEqualTo("hunter2-correct-horse");
        }
    }

    @Test
    void showsAsHidden() {
        assertThat(Secret.of("x")).hasToString("[hidden]");
    }
}
