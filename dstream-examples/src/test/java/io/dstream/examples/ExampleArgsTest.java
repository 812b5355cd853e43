package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {
  private static final String USAGE = "Example <hostname> <port> [<batches>]";

  @Test
  void readsTheArgumentsByPosition() {
    ExampleArgs args = ExampleArgs.parse(new String[] {"localhost", "9999", "30"}, USAGE, 2, 1);

    assertThat(args.text(0, "the hostname")).isEqualTo("localhost");
    assertThat(args.port(1)).isEqualTo(9999);
    assertThat(args.optionalBatches(2)).isEqualTo(OptionalInt.of(30));
  }

  @Test
  void anOptionalArgumentThatIsNotGivenIsEmpty() {
    ExampleArgs args = ExampleArgs.parse(new String[] {"localhost", "9999"}, USAGE, 2, 1);

    assertThat(args.has(2)).isFalse();
    assertThat(args.optionalBatches(2)).isEmpty();
  }

  @Test
  void tooFewOrTooManyArgumentsAreRejectedWithTheUsage() {
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"localhost"}, USAGE, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2 to 3 arguments, got 1; usage: " + USAGE);
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"a", "b"}, "Example <directory>", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 1 argument, got 2; usage: Example <directory>");
  }

  @Test
  void aPortMustBeAnIntegerFrom1To65535() {
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"localhost", "http"}, USAGE, 2, 1).port(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the port must be a positive integer, got 'http'; usage: " + USAGE);
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"localhost", "70000"}, USAGE, 2, 1).port(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the port must be 1 to 65535, got 70000; usage: " + USAGE);
  }

  @Test
  void namesAreSeparatedByCommasAndNoneMayBeBlank() {
    String usage = "Example <topics>";

    assertThat(ExampleArgs.parse(new String[] {"words, lines"}, usage, 1, 0).names(0, "the topics"))
        .containsExactly("words", "lines");
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"words,,lines"}, usage, 1, 0).names(0, "the topics"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the topics must be names separated by commas, got 'words,,lines'; usage: " + usage);
    assertThatThrownBy(() -> ExampleArgs.parse(new String[] {"words,"}, usage, 1, 0).names(0, "the topics"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the topics must be names separated by commas, got 'words,'; usage: " + usage);
  }

  @Test
  void aBlankOrMissingArgumentIsNamed() {
    ExampleArgs args = ExampleArgs.parse(new String[] {" ", "9999"}, USAGE, 2, 1);

    assertThatThrownBy(() -> args.text(0, "the hostname"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the hostname is missing; usage: " + USAGE);
    assertThatThrownBy(() -> args.positiveInt(2, "the window length"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the window length is missing; usage: " + USAGE);
  }

  @Test
  void batchCountIsTheFirstArgumentOrTheDefault() {
    assertThat(ExampleArgs.batchCount(new String[0], 4)).isEqualTo(4);
    assertThat(ExampleArgs.batchCount(new String[] {"7"}, 4)).isEqualTo(7);
    assertThatThrownBy(() -> ExampleArgs.batchCount(new String[] {"-1"}, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the number of batches must be positive, got -1; pass for example -Dexec.args=4");
    assertThatThrownBy(() -> ExampleArgs.batchCount(new String[] {"four"}, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the number of batches must be a positive integer, got 'four'; pass for example -Dexec.args=4");
  }

  @Test
  void theStatusPageFlagStandsAnywhereAndTurnsThePageOnWhereTheUsageOffersIt() {
    String usage = USAGE + " [--ui]";
    String[] withFlag = {"localhost", "--ui", "9999", "30"};

    ExampleArgs args = ExampleArgs.parse(withFlag, usage, 2, 1);
    StreamingConf on = ExampleArgs.withStatusPageIfAsked(withFlag, new StreamingConf());
    StreamingConf off = ExampleArgs.withStatusPageIfAsked(new String[] {"localhost", "9999"}, new StreamingConf());

    assertThat(args.port(1)).isEqualTo(9999);
    assertThat(args.optionalBatches(2)).isEqualTo(OptionalInt.of(30));
    assertThat(on.get(ConfigKeys.UI_ENABLED)).isTrue();
    assertThat(off.get(ConfigKeys.UI_ENABLED)).isFalse();
    assertThat(ExampleArgs.batchCount(new String[] {"--ui", "7"}, 4)).isEqualTo(7);
    assertThatThrownBy(() -> ExampleArgs.parse(withFlag, USAGE, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2 to 3 arguments, got 4; usage: " + USAGE);
  }
}
