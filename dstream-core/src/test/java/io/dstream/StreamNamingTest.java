package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code DStream.name(...)}: names are what recovery matches streams by, so they are checked strictly. */
@ExtendWith(TestStreamingContextExtension.class)
class StreamNamingTest {

  @Test
  void nameReturnsTheSameStreamKeepingItsTypeAndTheGetterReturnsTheName(TestStreamingContext t) {
    InputDStream<String> input = t.context().queueStream(new ArrayDeque<>());
    PairDStream<String, Integer> pairs = input.mapToPair(s -> new Tuple2<>(s, 1));
    DStream<Integer> lengths = input.map(String::length);

    InputDStream<String> namedInput = input.name("input");
    PairDStream<String, Integer> namedPairs = pairs.name("pairs");
    DStream<Integer> namedLengths = lengths.name("lengths.v2_x-1");

    assertThat(namedInput).isSameAs(input);
    assertThat(namedPairs).isSameAs(pairs);
    assertThat(namedLengths).isSameAs(lengths);
    assertThat(input.name()).contains("input");
    assertThat(input.map(String::trim).name()).isEmpty();
    assertThat(pairs.toString()).isEqualTo("mapToPair['pairs']");
  }

  @Test
  void aNameUsedByAnotherStreamIsRefusedNamingThatStream(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));
    in.map(x -> x).name("doubled");

    assertThatThrownBy(() -> in.filter(x -> true).name("doubled"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the name 'doubled' is already used by map['doubled']")
        .hasMessageContaining("must be unique within a StreamingContext");
  }

  @Test
  void renamingAStreamFreesItsOldName(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));
    DStream<Integer> mapped = in.map(x -> x).name("first").name("second");
    in.filter(x -> true).name("first");

    assertThat(mapped.name()).contains("second");
  }

  @Test
  void malformedNamesAreRefusedSayingWhatANameIs(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));

    for (String bad : List.of("", "3", "7up", "a/b", "with space", "..", "é")) {
      assertThatThrownBy(() -> in.name(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "' cannot name a stream")
          .hasMessageContaining("starts with a letter");
    }
  }

  @Test
  void namingAfterStartIsRefused(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(List.of(List.of(1)));
    t.collect(in);
    t.runBatches(1);

    assertThatThrownBy(() -> in.name("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot name a stream after the StreamingContext has started");
  }
}
