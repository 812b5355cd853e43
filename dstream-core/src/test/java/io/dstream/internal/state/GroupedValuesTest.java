package io.dstream.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.internal.EngineKryoRegistrator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Grouped values read back as a plain map of lists built from the same values says, in the order they were
 * added, and the lists stay valid and read-only.
 */
class GroupedValuesTest {

  @Test
  void eachEntrysValuesAreThoseAddedForItInOrderAsAMapOfListsHasThem() {
    Random random = new Random(5);
    GroupedValues<String> grouped = new GroupedValues<>(1_000);
    Map<Integer, List<String>> model = new HashMap<>();
    int entries = 500;
    for (int i = 0; i < 20_000; i++) {
      // Skewed, so that some entries get many values and some none.
      int entry = (int) (entries * Math.pow(random.nextDouble(), 3));
      String value = random.nextInt(100) == 0 ? null : "v" + i;
      grouped.add(entry, value);
      model.computeIfAbsent(entry, e -> new ArrayList<>()).add(value);
    }
    grouped.group(entries);
    assertThat(grouped.count()).isEqualTo(20_000);
    List<List<String>> kept = new ArrayList<>();
    for (int entry = 0; entry < entries; entry++) {
      List<String> values = grouped.valuesOf(entry);
      assertThat(values).as("entry %d", entry).containsExactlyElementsOf(model.getOrDefault(entry, List.of()));
      kept.add(values);
    }
    for (int entry = 0; entry < entries; entry++) {
      assertThat(kept.get(entry)).isEqualTo(model.getOrDefault(entry, List.of()));
    }
  }

  @Test
  void theListsAreReadOnlyAndMisuseSaysWhatToDo() {
    GroupedValues<Integer> grouped = new GroupedValues<>(-1);
    grouped.add(2, 7);
    assertThatThrownBy(() -> grouped.valuesOf(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("group(entryCount)");
    assertThatThrownBy(() -> grouped.group(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2");
    GroupedValues<Integer> valid = new GroupedValues<>(-1);
    valid.add(1, 7);
    valid.group(3);
    assertThat(valid.valuesOf(0)).isEmpty();
    assertThatThrownBy(() -> valid.valuesOf(1).set(0, 8)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> valid.valuesOf(1).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> valid.add(0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aValuesListAStateKeepsIsWrittenToSnapshotsAndReadBackAndCopied() throws Exception {
    GroupedValues<String> grouped = new GroupedValues<>(-1);
    grouped.add(1, "b");
    grouped.add(0, "a");
    grouped.add(1, null);
    grouped.add(1, "c");
    grouped.group(2);
    List<String> values = grouped.valuesOf(1);
    KryoSerializer serializer = EngineKryoRegistrator.defaultSerializer();
    // As a state snapshot holds it: inside the state, next to other states.
    List<Object> states = new ArrayList<>(List.of(values, grouped.valuesOf(0), "other"));

    List<Object> read = serializer.deserialize(serializer.serialize(states));

    List<Object> expected = new ArrayList<>();
    expected.add(Arrays.asList("b", null, "c"));
    expected.add(List.of("a"));
    expected.add("other");
    assertThat(read).isEqualTo(expected);
    List<?> first = (List<?>) read.get(0);
    assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(serializer.copy(values)).isEqualTo(values);
  }

  @Test
  void aValuesListIsJavaSerializedAsItsOwnValues() throws Exception {
    GroupedValues<String> grouped = new GroupedValues<>(4);
    grouped.add(0, "a");
    grouped.add(1, "b");
    grouped.add(0, null);
    grouped.group(2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(grouped.valuesOf(0));
    }

    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(Arrays.asList("a", null));
    }
  }
}
