package io.dstream.checkpoint.internal.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KryoSerializerRoundTripTest {
  private final Serializer serializer = new KryoSerializer();

  record Point(int x, int y) {}

  record Order(String id, List<Point> path, Map<String, Integer> counts, Optional<String> note) {}

  /** A class Kryo cannot create through a constructor: it has only one with arguments. */
  static final class Account {
    private final String owner;
    private final long balance;

    Account(String owner, long balance) {
      if (owner == null) {
        throw new IllegalArgumentException("owner");
      }
      this.owner = owner;
      this.balance = balance;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.owner.equals(owner) && a.balance == balance;
    }

    @Override
    public int hashCode() {
      return Objects.hash(owner, balance);
    }
  }

  static final class Node {
    String name;
    Node next;
  }

  private <T> T roundTrip(T value) throws Exception {
    return serializer.deserialize(serializer.serialize(value));
  }

  @Test
  void recordsRoundTrip() throws Exception {
    Order order = new Order("o-1", List.of(new Point(1, 2), new Point(3, 4)), Map.of("a", 1),
        Optional.of("fragile"));
    assertThat(roundTrip(order)).isEqualTo(order);
  }

  @Test
  void nestedCollectionsRoundTrip() throws Exception {
    Map<String, List<Set<Integer>>> nested = new TreeMap<>();
    nested.put("evens", new ArrayList<>(List.of(new HashSet<>(Set.of(2, 4)), new HashSet<>())));
    nested.put("odds", List.of(Set.of(1, 3, 5)));
    assertThat(roundTrip(nested)).isEqualTo(nested).isInstanceOf(TreeMap.class);
    UUID id = UUID.randomUUID();
    assertThat(roundTrip(Map.of(id, List.of(id)))).isEqualTo(Map.of(id, List.of(id)));
  }

  @Test
  void nullsRoundTrip() throws Exception {
    Object nothing = roundTrip(null);
    assertThat(nothing).isNull();
    List<String> withNulls = Arrays.asList("a", null, "c");
    assertThat(roundTrip(withNulls)).containsExactly("a", null, "c");
    assertThat(roundTrip(new Order(null, null, null, Optional.empty())))
        .isEqualTo(new Order(null, null, null, Optional.empty()));
  }

  @Test
  void immutableJdkCollectionsRoundTripAndStayImmutable() throws Exception {
    List<Integer> list = List.of(1, 2, 3);
    List<Integer> small = List.of(7);
    Set<String> set = Set.of("x", "y");
    Map<String, Integer> map = Map.of("k", 1, "l", 2);

    List<Integer> listBack = roundTrip(list);
    assertThat(listBack).isEqualTo(list);
    assertThat(listBack.getClass()).isEqualTo(list.getClass());
    assertThatThrownBy(() -> listBack.add(4)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(roundTrip(small)).isEqualTo(small);
    assertThat(roundTrip(set)).isEqualTo(set);
    assertThat(roundTrip(map)).isEqualTo(map);
    assertThat(roundTrip(List.of())).isEmpty();
  }

  @Test
  void hashMapRoundTrips() throws Exception {
    Random random = new Random(42);
    HashMap<Integer, String> map = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      map.put(random.nextInt(), Integer.toHexString(i));
    }
    HashMap<Integer, String> back = roundTrip(map);
    assertThat(back).isEqualTo(map).isNotSameAs(map);
  }

  @Test
  void classWithoutNoArgConstructorRoundTrips() throws Exception {
    Account account = new Account("ada", 42);
    assertThat(roundTrip(account)).isEqualTo(account);
  }

  @Test
  void sharedAndCyclicReferencesAreKept() throws Exception {
    Node a = new Node();
    Node b = new Node();
    a.name = "a";
    b.name = "b";
    a.next = b;
    b.next = a;
    Node back = roundTrip(a);
    assertThat(back.name).isEqualTo("a");
    assertThat(back.next.name).isEqualTo("b");
    assertThat(back.next.next).isSameAs(back);
  }

  @Test
  void copyIsDeepAndIndependent() {
    Map<String, List<Integer>> original = new HashMap<>();
    original.put("a", new ArrayList<>(List.of(1, 2)));
    Map<String, List<Integer>> copy = serializer.copy(original);
    copy.get("a").add(3);
    assertThat(original.get("a")).containsExactly(1, 2);
    assertThat(serializer.copy(new Account("bob", 7))).isEqualTo(new Account("bob", 7));
    assertThat(serializer.copy(List.of(new Point(1, 1)))).containsExactly(new Point(1, 1));
  }

  @Test
  void singleObjectStreamRoundTrips() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.serialize(new Point(5, 6), out);
    Point back = serializer.deserialize(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back).isEqualTo(new Point(5, 6));
  }

  @Test
  void objectStreamRoundTripsManyObjectsInOrder() throws Exception {
    List<Object> values = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      values.add(i % 3 == 0 ? new Point(random.nextInt(), i) : i % 3 == 1 ? "s" + i : null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectWriter writer = new ObjectWriter(serializer, out)) {
      for (Object value : values) {
        writer.write(value);
      }
      assertThat(writer.count()).isEqualTo(values.size());
    }
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(reader.<Object>readAll()).containsExactlyElementsOf(values);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void emptyObjectStreamHasNoObjects() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ObjectWriter(serializer, out).close();
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.readAll()).isEmpty();
    }
  }

  @Test
  void oneSerializerServesManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        tasks.add(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < 500; i++) {
            Order order = new Order("o" + random.nextInt(), List.of(new Point(random.nextInt(), i)),
                Map.of("n", i), Optional.empty());
            if (!order.equals(roundTrip(order))) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
