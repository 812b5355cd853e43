package io.dstream.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The state table behaves like an insertion-ordered map over many batches of random adds, sets and removals
 * (with keys whose hash codes collide, and the null key), copies leave their originals unchanged, and its
 * records view reads its entries.
 */
class StateTableTest {

  /** A key whose hash code is the same for every tenth value: collisions all along the index. */
  private record CollidingKey(int value) {
    @Override
    public int hashCode() {
      return value % 10;
    }
  }

  private static Map<CollidingKey, Integer> contents(StateTable<CollidingKey, Integer> table) {
    Map<CollidingKey, Integer> contents = new LinkedHashMap<>();
    for (Tuple2<CollidingKey, Integer> record : table.records()) {
      assertThat(contents.put(record._1(), record._2())).as("key %s seen twice", record._1()).isNull();
    }
    return contents;
  }

  @Test
  void tablesMatchAnOrderedMapBatchByBatchAndCopiesLeaveTheirOriginalsUnchanged() {
    Random random = new Random(77);
    StateTable<CollidingKey, Integer> table = StateTable.withRoomFor(0);
    Map<CollidingKey, Integer> model = new LinkedHashMap<>();
    List<StateTable<CollidingKey, Integer>> earlier = new ArrayList<>();
    List<Map<CollidingKey, Integer>> earlierModels = new ArrayList<>();
    for (int batch = 0; batch < 40; batch++) {
      table = table.copy();
      for (int op = 0; op < 200; op++) {
        CollidingKey key = random.nextInt(50) == 0 ? null : new CollidingKey(random.nextInt(600));
        int entry = table.findOrAdd(key);
        model.putIfAbsent(key, null);
        assertThat(table.keyAt(entry)).isEqualTo(key);
        assertThat(table.stateAt(entry)).isEqualTo(model.get(key));
        table.setStateAt(entry, op);
        model.put(key, op);
      }
      BitSet removed = new BitSet();
      List<CollidingKey> keys = new ArrayList<>(model.keySet());
      for (int entry = 0; entry < table.size(); entry++) {
        assertThat(table.keyAt(entry)).isEqualTo(keys.get(entry));
        if (random.nextInt(4) == 0) {
          removed.set(entry);
          model.remove(keys.get(entry));
        }
      }
      table.removeEntries(removed);
      assertThat(contents(table)).containsExactlyEntriesOf(model);
      for (CollidingKey key : model.keySet()) {
        assertThat(table.keyAt(table.find(key))).isEqualTo(key);
      }
      assertThat(table.find(new CollidingKey(10_000))).isEqualTo(-1);
      earlier.add(table);
      earlierModels.add(new HashMap<>(model));
    }
    for (int i = 0; i < earlier.size(); i++) {
      assertThat(contents(earlier.get(i))).as("table of batch %d", i).isEqualTo(earlierModels.get(i));
    }
  }

  @Test
  void aTableWhoseKeysMostlyLeftShrinksSoThatItsCopiesDoNotCostItsLargestSize() {
    StateTable<Integer, Integer> table = StateTable.withRoomFor(0);
    for (int key = 0; key < 100_000; key++) {
      table.setStateAt(table.findOrAdd(key), key);
    }
    BitSet removed = new BitSet();
    removed.set(10, 100_000);

    table.removeEntries(removed);
    StateTable<Integer, Integer> copy = table.copy();

    assertThat(copy.capacity()).isLessThan(100);
    Map<Integer, Integer> expected = new HashMap<>();
    for (int key = 0; key < 10; key++) {
      expected.put(key, key);
    }
    Map<Integer, Integer> actual = new HashMap<>();
    copy.records().forEach(record -> actual.put(record._1(), record._2()));
    assertThat(actual).isEqualTo(expected);
    for (int key = 10; key < 30; key++) {
      copy.setStateAt(copy.findOrAdd(key), -key);
    }
    assertThat(copy.size()).isEqualTo(30);
    assertThat(copy.stateAt(copy.find(29))).isEqualTo(-29);
    assertThat(copy.find(100_000 - 1)).isEqualTo(-1);
  }

  @Test
  void aTableGrowsFarPastTheRoomItWasGivenAndFindsEveryKey() {
    StateTable<String, Integer> table = StateTable.withRoomFor(3);
    for (int i = 0; i < 100_000; i++) {
      assertThat(table.findOrAdd("w" + i)).isEqualTo(i);
      table.setStateAt(i, i);
    }
    for (int i = 0; i < 100_000; i += 7) {
      assertThat(table.find("w" + i)).isEqualTo(i);
    }
    assertThat(table.records()).hasSize(100_000).element(99_999).isEqualTo(new Tuple2<>("w99999", 99_999));
  }

  @Test
  void theRecordsViewIsReadOnlyAndTellsItsTable() {
    StateTable<String, Integer> table = StateTable.withRoomFor(1);
    table.setStateAt(table.findOrAdd("a"), 1);
    List<Tuple2<String, Integer>> records = table.records();
    assertThat(StateTable.viewedBy(records)).isSameAs(table);
    assertThat(StateTable.viewedBy(List.of(new Tuple2<>("a", 1)))).isNull();
    assertThatThrownBy(() -> records.add(new Tuple2<>("b", 2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> records.iterator().remove()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> table.stateAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> StateTable.withRoomFor(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
