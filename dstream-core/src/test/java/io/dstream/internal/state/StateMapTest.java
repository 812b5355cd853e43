package io.dstream.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layered state map behaves like a plain map per batch: random puts and removals over many layers
 * (with compactions) read back as a HashMap model says, every earlier map stays as it was, and lookups
 * probe at most as many layers as the map has.
 */
class StateMapTest {

  private static Map<Integer, String> contents(StateMap<Integer, String> map) {
    Map<Integer, String> contents = new HashMap<>();
    map.forEach((key, entry) -> assertThat(contents.put(key, entry.state())).as("key %s seen twice", key).isNull());
    return contents;
  }

  @Test
  void layeredMapsMatchAPlainMapBatchByBatchAndEarlierMapsNeverChange() {
    Random random = new Random(901);
    CountingStateMapWork work = new CountingStateMapWork();
    StateMap<Integer, String> map = StateMap.empty(work);
    Map<Integer, String> model = new HashMap<>();
    List<StateMap<Integer, String>> earlier = new ArrayList<>();
    List<Map<Integer, String>> earlierModels = new ArrayList<>();
    for (int batch = 0; batch < 60; batch++) {
      map = batch % 7 == 6 ? map.compacted() : map.nextLayer();
      for (int op = 0; op < 20; op++) {
        int key = random.nextInt(30);
        if (random.nextInt(3) == 0) {
          map.remove(key);
          model.remove(key);
        } else {
          String state = batch + ":" + op;
          map.put(key, state, batch);
          model.put(key, state);
        }
      }
      for (int key = 0; key < 30; key++) {
        StateEntry<String> entry = map.get(key);
        assertThat(entry == null ? null : entry.state()).as("key %s after batch %s", key, batch)
            .isEqualTo(model.get(key));
      }
      assertThat(contents(map)).isEqualTo(model);
      earlier.add(map);
      earlierModels.add(new HashMap<>(model));
    }
    for (int i = 0; i < earlier.size(); i++) {
      assertThat(contents(earlier.get(i))).as("map of batch %s", i).isEqualTo(earlierModels.get(i));
    }
  }

  @Test
  void compactionLeavesOneLayerWithoutTombstonesAndBoundsTheProbes() {
    CountingStateMapWork work = new CountingStateMapWork();
    StateMap<Integer, String> map = StateMap.empty(work);
    map.put(1, "one", 0);
    map.put(2, "two", 0);
    for (int i = 0; i < 9; i++) {
      map = map.nextLayer();
    }
    map.remove(2);
    assertThat(map.depth()).isEqualTo(10);

    long probesBefore = work.probes();
    map.get(1);
    assertThat(work.probes() - probesBefore).isEqualTo(10);

    StateMap<Integer, String> compacted = map.compacted();
    probesBefore = work.probes();

    assertThat(compacted.depth()).isEqualTo(1);
    assertThat(compacted.get(1).state()).isEqualTo("one");
    assertThat(compacted.get(2)).isNull();
    assertThat(work.probes() - probesBefore).isEqualTo(2);
    assertThat(contents(compacted)).isEqualTo(Map.of(1, "one"));
  }

  @Test
  void entriesKeepTheTimeTheyWereLastPut() {
    StateMap<String, Integer> map = StateMap.empty(StateMapWork.NONE);
    map.put("a", 1, 1000);
    StateMap<String, Integer> next = map.nextLayer();
    next.put("a", 2, 2000);

    assertThat(map.get("a")).isEqualTo(new StateEntry<>(1, 1000));
    assertThat(next.get("a")).isEqualTo(new StateEntry<>(2, 2000));
  }
}
