package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockBytesTest {
  private final Serializer serializer = new KryoSerializer();

  private List<Object> roundTrip(List<?> records) throws CorruptDataException {
    return BlockBytes.decode(BlockBytes.encode(records, serializer), serializer);
  }

  @Test
  void blocksOfStringsComeBackEqualWhateverTheirCharacters() throws CorruptDataException {
    Random random = new Random(18);
    List<String> records = new ArrayList<>(List.of("", "ascii", "latin ÿé", "€uro", "𝄞 clef", "lone \uD800 half",
        "\u0000nul", "x".repeat(300)));
    for (int i = 0; i < 1000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
      }
      records.add(new String(chars));
    }

    assertThat(roundTrip(records)).isEqualTo(records);
  }

  @Test
  void aBlockOfAsciiStringsTakesAboutOneByteAPerCharacterAndFewerBytesThanTheSerializer() {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      records.add("line number " + i);
    }
    int characters = records.stream().mapToInt(String::length).sum();

    byte[] bytes = BlockBytes.encode(records, serializer);

    assertThat(bytes.length).isLessThanOrEqualTo(1 + 5 + characters + records.size());
    assertThat(bytes.length).isLessThan(serializer.serialize(records).length);
  }

  @Test
  void blocksOfOtherRecordsGoThroughTheSerializer() throws CorruptDataException {
    List<Object> mixed = new ArrayList<>(Arrays.asList("a", 1, null, List.of("b")));
    List<Object> nulls = new ArrayList<>(Arrays.asList("a", null));

    assertThat(roundTrip(mixed)).isEqualTo(mixed);
    assertThat(roundTrip(nulls)).isEqualTo(nulls);
    assertThat(roundTrip(new ArrayList<>())).isEmpty();
  }

  @Test
  void damagedBytesAreReportedAsCorrupt() {
    byte[] bytes = BlockBytes.encode(new ArrayList<>(List.of("alpha", "beta")), serializer);

    assertThatThrownBy(() -> BlockBytes.decode(Arrays.copyOf(bytes, bytes.length - 2), serializer))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated or corrupt");
    assertThatThrownBy(() -> BlockBytes.decode(Arrays.copyOf(bytes, bytes.length + 1), serializer))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("ended after");
    assertThatThrownBy(() -> BlockBytes.decode(new byte[] {7, 1, 2}, serializer))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("unknown format byte 7");
    assertThatThrownBy(() -> BlockBytes.decode(new byte[0], serializer))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("empty");
  }
}
