package io.dstream.internal.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The combine's open-addressing map agrees with a java.util.HashMap, through growth and colliding keys. */
class CombineMapTest {

  /** Adds one to the key's count, as a word count's combine does. */
  private static void increment(CombineMap map, Object key) {
    int slot = map.find(key);
    if (slot < 0) {
      map.insert(slot, key, 1);
    } else {
      map.setValueAt(slot, (Integer) map.valueAt(slot) + 1);
    }
  }

  private static Map<Object, Object> contents(CombineMap map) {
    Map<Object, Object> seen = new HashMap<>();
    map.forEach((key, value) -> assertThat(seen.put(key, value)).as("key %s seen twice", key).isNull());
    return seen;
  }

  @Test
  void countsAgreeWithAHashMapThroughManyGrowths() {
    Random random = new Random(7);
    CombineMap map = new CombineMap();
    Map<Object, Object> expected = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      String word = "w" + random.nextInt(20_000);
      increment(map, word);
      expected.merge(word, 1, (a, b) -> (Integer) a + (Integer) b);
    }

    assertThat(map.size()).isEqualTo(expected.size());
    assertThat(contents(map)).isEqualTo(expected);
  }

  @Test
  void keysWithEqualHashCodesStayApart() {
    CombineMap map = new CombineMap();
    // "Aa" and "BB" have the same hash code, and so do all their concatenations.
    List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    for (int round = 0; round < 3; round++) {
      colliding.forEach(key -> increment(map, key));
    }

    assertThat(contents(map)).isEqualTo(Map.of("AaAa", 3, "AaBB", 3, "BBAa", 3, "BBBB", 3));
  }

  @Test
  void theNullKeyIsAKeyLikeAnyOther() {
    CombineMap map = new CombineMap();
    increment(map, null);
    increment(map, "x");
    increment(map, null);

    assertThat(map.find(null)).isNotNegative();
    assertThat(map.valueAt(map.find(null))).isEqualTo(2);
    Map<Object, Object> expected = new HashMap<>();
    expected.put(null, 2);
    expected.put("x", 1);
    assertThat(contents(map)).isEqualTo(expected);
  }

  @Test
  void smallIntegerKeysThatWouldClusterAreAllFound() {
    CombineMap map = new CombineMap();
    for (int key = 0; key < 10_000; key += 64) {
      increment(map, key);
    }
    for (int key = 0; key < 10_000; key += 64) {
      assertThat(map.find(key)).as("slot of %d", key).isNotNegative();
    }
    assertThat(map.find(1)).isNegative();
  }

  @Test
  void entriesMakeOneRecordPerKeyAndThenEnd() {
    CombineMap map = new CombineMap();
    List.of("a", "b", "c", "a").forEach(key -> increment(map, key));

    Iterator<String> records = map.entries((key, value) -> key + "=" + value);
    List<String> all = new ArrayList<>();
    records.forEachRemaining(all::add);

    assertThat(all).containsExactlyInAnyOrder("a=2", "b=1", "c=1");
    assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
    assertThat(new CombineMap().entries((key, value) -> key).hasNext()).isFalse();
  }

  @Test
  void aCopyAndItsOriginalChangeApart() {
    Random random = new Random(11);
    CombineMap original = new CombineMap();
    Map<Object, Object> expectedOriginal = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      String word = "w" + random.nextInt(300);
      increment(original, word);
      expectedOriginal.merge(word, 1, (a, b) -> (Integer) a + (Integer) b);
    }
    CombineMap copy = original.copy();
    Map<Object, Object> expectedCopy = new HashMap<>(expectedOriginal);
    // Enough new keys that the copy grows, and updates of keys the original holds.
    for (int i = 0; i < 2_000; i++) {
      String word = "w" + random.nextInt(1_000);
      increment(copy, word);
      expectedCopy.merge(word, 1, (a, b) -> (Integer) a + (Integer) b);
    }

    assertThat(contents(original)).isEqualTo(expectedOriginal);
    assertThat(original.size()).isEqualTo(expectedOriginal.size());
    assertThat(contents(copy)).isEqualTo(expectedCopy);
  }

  @Test
  void theOccupiedSlotsGiveEveryEntryOnceTheNullKeyIncluded() {
    CombineMap map = new CombineMap();
    List.of("a", "b", "c").forEach(key -> increment(map, key));
    increment(map, null);
    increment(map, "a");

    Map<Object, Object> bySlot = new HashMap<>();
    for (int slot : map.occupiedSlots()) {
      assertThat(bySlot.put(map.keyAt(slot), map.valueAt(slot))).isNull();
    }

    assertThat(map.occupiedSlots()).hasSize(4).isSorted();
    assertThat(bySlot).isEqualTo(contents(map)).containsEntry(null, 1).containsEntry("a", 2);
  }
}
