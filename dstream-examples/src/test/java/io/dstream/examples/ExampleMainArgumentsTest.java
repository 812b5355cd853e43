package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's {@code main} refuses a wrong command line before it starts anything, with a message that
 * says what was wrong and shows the usage line.
 */
class ExampleMainArgumentsTest {
  /** An example's main method. */
  interface Main {
    void run(String[] args) throws Exception;
  }

  static Stream<Arguments> wrongCommandLines() {
    return Stream.of(
        Arguments.of("NetworkWordCount", (Main) NetworkWordCount::main, new String[] {"localhost"},
            "expected 2 to 3 arguments, got 1; usage: " + NetworkWordCount.USAGE),
        Arguments.of("NetworkWordCount", (Main) NetworkWordCount::main, new String[] {"localhost", "ninety"},
            "the port must be a positive integer, got 'ninety'; usage: " + NetworkWordCount.USAGE),
        Arguments.of("NetworkWordCount", (Main) NetworkWordCount::main, new String[] {"localhost", "9999", "0"},
            "the number of batches must be positive, got 0; usage: " + NetworkWordCount.USAGE),
        Arguments.of("StatefulNetworkWordCount", (Main) StatefulNetworkWordCount::main,
            new String[] {"localhost", "9999"},
            "expected 3 to 4 arguments, got 2; usage: " + StatefulNetworkWordCount.USAGE),
        Arguments.of("StatefulNetworkWordCount", (Main) StatefulNetworkWordCount::main,
            new String[] {"localhost", "9999", " "},
            "the checkpoint directory is missing; usage: " + StatefulNetworkWordCount.USAGE),
        Arguments.of("WindowedNetworkWordCount", (Main) WindowedNetworkWordCount::main,
            new String[] {"localhost", "9999", "30"},
            "the slide in seconds is missing; usage: " + WindowedNetworkWordCount.USAGE),
        Arguments.of("CustomReceiver", (Main) CustomReceiver::main, new String[] {"localhost", "0"},
            "the port must be 1 to 65535, got 0; usage: " + CustomReceiver.USAGE),
        Arguments.of("FileWordCount", (Main) FileWordCount::main, new String[0],
            "expected 1 to 2 arguments, got 0; usage: " + FileWordCount.USAGE),
        Arguments.of("DirectKafkaWordCount", (Main) DirectKafkaWordCount::main,
            new String[] {"localhost:9092", "wordcount"},
            "expected 3 to 4 arguments, got 2; usage: " + DirectKafkaWordCount.USAGE),
        Arguments.of("DirectKafkaWordCount", (Main) DirectKafkaWordCount::main,
            new String[] {"localhost:9092", "wordcount", "words,"},
            "the topics must be names separated by commas, got 'words,'; usage: " + DirectKafkaWordCount.USAGE),
        Arguments.of("ExactlyOnceKafkaWordCount", (Main) ExactlyOnceKafkaWordCount::main,
            new String[] {"localhost:9092", "lines", "totals"},
            "expected 4 to 5 arguments, got 3; usage: " + ExactlyOnceKafkaWordCount.USAGE),
        Arguments.of("ExactlyOnceKafkaWordCount", (Main) ExactlyOnceKafkaWordCount::main,
            new String[] {"localhost:9092", ",lines", "totals", "/tmp/checkpoints"},
            "the input topics must be names separated by commas, got ',lines'; usage: "
                + ExactlyOnceKafkaWordCount.USAGE),
        Arguments.of("ScaleOutWordCount", (Main) ScaleOutWordCount::main,
            new String[] {"localhost:9092", "wordcount", "lines"},
            "expected 4 to 5 arguments, got 3; usage: " + ScaleOutWordCount.USAGE),
        Arguments.of("ScaleOutWordCount", (Main) ScaleOutWordCount::main,
            new String[] {"localhost:9092", "wordcount", "lines", "counts", "-500"},
            "the batch interval in ms must be positive, got -500; usage: " + ScaleOutWordCount.USAGE),
        Arguments.of("RecoverableNetworkWordCount", (Main) RecoverableNetworkWordCount::main,
            new String[] {"localhost", "9999", "/tmp/checkpoints"},
            "expected 4 arguments, got 3; usage: " + RecoverableNetworkWordCount.USAGE),
        Arguments.of("StreamingKMeansExample", (Main) StreamingKMeansExample::main,
            new String[] {"/tmp/train", "/tmp/test", "5", "3"},
            "expected 5 to 6 arguments, got 4; usage: " + StreamingKMeansExample.USAGE),
        Arguments.of("StreamingKMeansExample", (Main) StreamingKMeansExample::main,
            new String[] {"/tmp/train", "/tmp/test", "5", "three", "2"},
            "the number of clusters must be a positive integer, got 'three'; usage: " + StreamingKMeansExample.USAGE),
        Arguments.of("StreamingLinearRegressionExample", (Main) StreamingLinearRegressionExample::main,
            new String[] {"/tmp/train"},
            "expected 2 to 3 arguments, got 1; usage: " + StreamingLinearRegressionExample.USAGE),
        Arguments.of("SqlNetworkWordCount", (Main) SqlNetworkWordCount::main, new String[] {"localhost"},
            "expected 2 to 3 arguments, got 1; usage: " + SqlNetworkWordCount.USAGE),
        Arguments.of("SqlDictionaryJoin", (Main) SqlDictionaryJoin::main, new String[] {"localhost", "9999"},
            "expected 3 to 4 arguments, got 2; usage: " + SqlDictionaryJoin.USAGE));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("wrongCommandLines")
  void mainRefusesAWrongCommandLineWithTheUsage(String example, Main main, String[] args, String message) {
    assertThatThrownBy(() -> main.run(args)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
