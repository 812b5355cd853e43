package io.dstream.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.ReceiverInputDStream;
import io.dstream.Tuple2;
import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/monitoring.md's table of meters equal to what a bound context registers: every meter of a context
 * with an input, a receiver and a state stream is in the table with its type and tags, and every row is a meter.
 */
class MeterTableDocTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `(dstream\\.[a-z.]+)` \\| ([a-z ]+) \\| [^|]+ \\| ([^|]+) \\|");
  private static final Pattern TAG = Pattern.compile("`([a-z.]+)`");

  /** A receiver that receives nothing: its stream is there for its record counter. */
  private static final class Idle extends Receiver<String> {
    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }

  private static Path monitoringDoc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/monitoring.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException("docs/monitoring.md not found above " + Path.of("").toAbsolutePath());
  }

  /** The documented meters: name to "type: tag, tag". */
  private static Map<String, String> documented() throws IOException {
    Map<String, String> meters = new TreeMap<>();
    for (String line : Files.readAllLines(monitoringDoc())) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        List<String> tags = TAG.matcher(row.group(3)).results().map(tag -> tag.group(1)).sorted().toList();
        meters.put(row.group(1), row.group(2) + ": " + String.join(", ", tags));
      }
    }
    return meters;
  }

  private static String describe(Meter meter) {
    String type = meter instanceof FunctionCounter ? "function counter"
        : meter.getId().getType().name().toLowerCase(Locale.ROOT);
    return type + ": " + meter.getId().getTags().stream().map(Tag::getKey).sorted().collect(Collectors.joining(", "));
  }

  @Test
  void everyMeterOfAContextIsDocumentedWithItsTypeAndTagsAndEveryDocumentedMeterExists(@TempDir Path checkpoints)
      throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.context().checkpoint(checkpoints.toString());
      ReceiverInputDStream<String> received = t.context().receiverStream(new Idle());
      PairDStream<String, Integer> counts = received.mapToPair(word -> new Tuple2<>(word, 1))
          .updateStateByKey((List<Integer> values, Optional<Integer> state) -> state);
      t.collect(counts);
      DStreamMetrics.bind(t.context(), registry);
      t.runBatches(1);

      Map<String, String> registered = new TreeMap<>();
      registry.getMeters().forEach(meter -> registered.put(meter.getId().getName(), describe(meter)));

      assertThat(documented()).isEqualTo(registered);
    }
  }
}
