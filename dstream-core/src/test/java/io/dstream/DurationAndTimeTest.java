package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DurationAndTimeTest {

  // ---- Duration ----------------------------------------------------------------------------------------

  @Test
  void durationArithmeticWorksInMilliseconds() {
    Duration twoSeconds = Durations.seconds(2);
    Duration halfSecond = Durations.milliseconds(500);

    assertThat(twoSeconds.plus(halfSecond).milliseconds()).isEqualTo(2500);
    assertThat(twoSeconds.minus(halfSecond).milliseconds()).isEqualTo(1500);
    assertThat(halfSecond.minus(twoSeconds).milliseconds()).isEqualTo(-1500);
    assertThat(halfSecond.times(3).milliseconds()).isEqualTo(1500);
    assertThat(twoSeconds.div(halfSecond)).isEqualTo(4.0);
    assertThat(Durations.milliseconds(750).div(halfSecond)).isEqualTo(1.5);
  }

  @Test
  void durationsFactoriesConvertUnits() {
    assertThat(Durations.milliseconds(1).milliseconds()).isEqualTo(1);
    assertThat(Durations.seconds(3).milliseconds()).isEqualTo(3_000);
    assertThat(Durations.minutes(2).milliseconds()).isEqualTo(120_000);
    assertThat(Durations.seconds(60)).isEqualTo(Durations.minutes(1));
  }

  @Test
  void durationsFactoriesRefuseOverflow() {
    assertThatThrownBy(() -> Durations.seconds(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Durations.minutes(Long.MAX_VALUE / 100)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void isMultipleOfChecksTheRemainder() {
    assertThat(Durations.seconds(4).isMultipleOf(Durations.seconds(2))).isTrue();
    assertThat(Durations.seconds(4).isMultipleOf(Durations.seconds(4))).isTrue();
    assertThat(Durations.milliseconds(1500).isMultipleOf(Durations.seconds(1))).isFalse();
    assertThat(Durations.milliseconds(0).isMultipleOf(Durations.seconds(1))).isTrue();
  }

  @Test
  void divisionByAZeroDurationIsRefusedWithAMessageThatSaysWhatToPass() {
    Duration zero = Durations.milliseconds(0);

    assertThatThrownBy(() -> Durations.seconds(1).div(zero))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot divide 1000 ms by a zero duration; pass a non-zero divisor (check Duration.isZero() "
            + "first)");
    assertThatThrownBy(() -> Durations.seconds(1).isMultipleOf(zero))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot tell whether 1000 ms is a multiple of a zero duration; pass a non-zero duration "
            + "(check Duration.isZero() first)");
  }

  @Test
  void durationComparisonsOrderByLength() {
    Duration one = Durations.seconds(1);
    Duration two = Durations.seconds(2);

    assertThat(one.less(two)).isTrue();
    assertThat(two.less(one)).isFalse();
    assertThat(one.less(one)).isFalse();
    assertThat(one.lessEq(one)).isTrue();
    assertThat(two.lessEq(one)).isFalse();
    assertThat(two.greater(one)).isTrue();
    assertThat(one.greater(one)).isFalse();
    assertThat(one.greaterEq(one)).isTrue();
    assertThat(one.greaterEq(two)).isFalse();
    assertThat(one.max(two)).isSameAs(two);
    assertThat(one.min(two)).isSameAs(one);
    assertThat(one.compareTo(two)).isNegative();
    assertThat(two.compareTo(one)).isPositive();
    assertThat(one.compareTo(Durations.milliseconds(1000))).isZero();
    assertThat(Durations.milliseconds(0).isZero()).isTrue();
    assertThat(one.isZero()).isFalse();
  }

  @Test
  void durationEqualityIsByLength() {
    assertThat(Durations.seconds(1)).isEqualTo(new Duration(1000));
    assertThat(Durations.seconds(1)).hasSameHashCodeAs(new Duration(1000));
    assertThat(Durations.seconds(1)).isNotEqualTo(Durations.seconds(2));
    assertThat((Object) Durations.seconds(1)).isNotEqualTo(new Time(1000));
  }

  @Test
  void durationPrintsLikeSpark() {
    assertThat(Durations.seconds(1)).hasToString("1000 ms");
    assertThat(Durations.milliseconds(-5)).hasToString("-5 ms");
  }

  @Test
  void prettyPrintPicksAReadableUnit() {
    assertThat(Durations.milliseconds(250).prettyPrint()).isEqualTo("250 ms");
    assertThat(Durations.milliseconds(1500).prettyPrint()).isEqualTo("1.5 s");
    assertThat(Durations.seconds(2).prettyPrint()).isEqualTo("2 s");
    assertThat(Durations.minutes(2).prettyPrint()).isEqualTo("2 min");
    assertThat(Durations.minutes(90).prettyPrint()).isEqualTo("1.5 h");
    assertThat(Durations.seconds(-3).prettyPrint()).isEqualTo("-3 s");
    assertThat(Durations.milliseconds(1234).prettyPrint()).isEqualTo("1.234 s");
    assertThat(Durations.seconds(100).prettyPrint()).isEqualTo("1.667 min");
  }

  // ---- Time --------------------------------------------------------------------------------------------

  @Test
  void timeArithmeticMovesByDurations() {
    Time t = new Time(5000);

    assertThat(t.plus(Durations.seconds(1))).isEqualTo(new Time(6000));
    assertThat(t.minus(Durations.seconds(1))).isEqualTo(new Time(4000));
    assertThat(t.minus(new Time(2000))).isEqualTo(Durations.seconds(3));
    assertThat(new Time(2000).minus(t)).isEqualTo(Durations.seconds(-3));
  }

  @Test
  void timeIsMultipleOfMeasuresFromZero() {
    assertThat(new Time(3000).isMultipleOf(Durations.seconds(1))).isTrue();
    assertThat(new Time(3500).isMultipleOf(Durations.seconds(1))).isFalse();
    assertThatThrownBy(() -> new Time(3000).isMultipleOf(Durations.milliseconds(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot tell whether 3000 ms is a multiple of a zero duration; pass a non-zero duration "
            + "(check Duration.isZero() first)");
  }

  @Test
  void floorRoundsDownOntoTheGridFromZero() {
    Duration second = Durations.seconds(1);

    assertThat(new Time(3999).floor(second)).isEqualTo(new Time(3000));
    assertThat(new Time(3000).floor(second)).isEqualTo(new Time(3000));
    assertThat(new Time(999).floor(second)).isEqualTo(new Time(0));
    assertThat(new Time(-1).floor(second)).isEqualTo(new Time(-1000));
  }

  @Test
  void floorWithAZeroTimeRoundsDownOntoTheShiftedGrid() {
    Duration twoSeconds = Durations.seconds(2);
    Time zero = new Time(500);

    assertThat(new Time(4000).floor(twoSeconds, zero)).isEqualTo(new Time(2500));
    assertThat(new Time(4500).floor(twoSeconds, zero)).isEqualTo(new Time(4500));
    assertThat(new Time(400).floor(twoSeconds, zero)).isEqualTo(new Time(-1500));
  }

  @Test
  void floorRefusesANonPositiveDuration() {
    assertThatThrownBy(() -> new Time(1000).floor(Durations.milliseconds(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new Time(1000).floor(Durations.milliseconds(-1000), new Time(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1000 ms");
  }

  @Test
  void untilExcludesTheEndAndToIncludesIt() {
    Duration second = Durations.seconds(1);

    assertThat(new Time(1000).until(new Time(4000), second))
        .containsExactly(new Time(1000), new Time(2000), new Time(3000));
    assertThat(new Time(1000).to(new Time(4000), second))
        .containsExactly(new Time(1000), new Time(2000), new Time(3000), new Time(4000));
    assertThat(new Time(1000).to(new Time(3500), second))
        .containsExactly(new Time(1000), new Time(2000), new Time(3000));
    assertThat(new Time(1000).until(new Time(1000), second)).isEmpty();
    assertThat(new Time(1000).to(new Time(1000), second)).containsExactly(new Time(1000));
    assertThat(new Time(2000).to(new Time(1000), second)).isEmpty();
  }

  @Test
  void rangesRefuseANonPositiveStep() {
    assertThatThrownBy(() -> new Time(0).until(new Time(10), Durations.milliseconds(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new Time(0).to(new Time(10), Durations.milliseconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void timeComparisonsOrderByInstant() {
    Time early = new Time(1000);
    Time late = new Time(2000);

    assertThat(early.less(late)).isTrue();
    assertThat(early.less(early)).isFalse();
    assertThat(early.lessEq(early)).isTrue();
    assertThat(late.lessEq(early)).isFalse();
    assertThat(late.greater(early)).isTrue();
    assertThat(late.greater(late)).isFalse();
    assertThat(late.greaterEq(late)).isTrue();
    assertThat(early.greaterEq(late)).isFalse();
    assertThat(early.max(late)).isSameAs(late);
    assertThat(early.min(late)).isSameAs(early);
    assertThat(List.of(late, early, new Time(1500)).stream().sorted().toList())
        .containsExactly(early, new Time(1500), late);
  }

  @Test
  void timeEqualityAndPrinting() {
    assertThat(new Time(1357008430000L)).hasToString("1357008430000 ms");
    assertThat(new Time(1000)).isEqualTo(new Time(1000)).hasSameHashCodeAs(new Time(1000));
    assertThat(new Time(1000)).isNotEqualTo(new Time(1001));
    assertThat((Object) new Time(1000)).isNotEqualTo(new Duration(1000));
  }

  // ---- Tuple2 ------------------------------------------------------------------------------------------

  @Test
  void tuplePrintsLikeScala() {
    assertThat(new Tuple2<>("hello", 1)).hasToString("(hello,1)");
    assertThat(new Tuple2<>(new Tuple2<>(1, 2), List.of(3))).hasToString("((1,2),[3])");
  }

  @Test
  void tupleAllowsNullComponents() {
    Tuple2<String, Integer> nulls = new Tuple2<>(null, null);

    assertThat(nulls).hasToString("(null,null)");
    assertThat(nulls._1()).isNull();
    assertThat(nulls).isEqualTo(new Tuple2<>(null, null)).hasSameHashCodeAs(new Tuple2<>(null, null));
    assertThat(new Tuple2<>("a", null)).isNotEqualTo(new Tuple2<>("a", 1));
  }

  @Test
  void tupleEqualityAndSwap() {
    Tuple2<String, Integer> pair = new Tuple2<>("a", 1);

    assertThat(pair._1()).isEqualTo("a");
    assertThat(pair._2()).isEqualTo(1);
    assertThat(pair).isEqualTo(new Tuple2<>("a", 1)).hasSameHashCodeAs(new Tuple2<>("a", 1));
    assertThat(pair.swap()).isEqualTo(new Tuple2<>(1, "a"));
  }
}
