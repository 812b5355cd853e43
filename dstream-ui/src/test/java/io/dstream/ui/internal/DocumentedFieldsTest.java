package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.receiver.Receiver;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/monitoring.md's example response of each endpoint has exactly the field names (at every depth) of what
 * a running context serves there, so the documentation and the API cannot drift apart.
 */
class DocumentedFieldsTest {
  private static final Path DOC = Path.of("..", "docs", "monitoring.md");
  private static final Pattern ENDPOINT = Pattern.compile("^`GET (/api/v1/[^`]+)`.*?\\n```json\\n(.*?)\\n```",
      Pattern.MULTILINE | Pattern.DOTALL);

  /** A receiver that has reported an error, so that its error fields are filled. */
  private static final class ErringReceiver extends Receiver<String> {
    ErringReceiver() {
      super(Receiver.DEFAULT_STORAGE_LEVEL);
    }

    @Override
    public void onStart() {
      reportError("cannot connect", null);
    }

    @Override
    public void onStop() {}
  }

  /** Each documented endpoint with its example response. */
  private static Map<String, JsonNode> documentedExamples() throws IOException {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    Matcher matcher = ENDPOINT.matcher(Files.readString(DOC));
    while (matcher.find()) {
      examples.put(matcher.group(1), StatusPageClient.parse(matcher.group(2)));
    }
    return examples;
  }

  /** The paths of every field: {@code a}, {@code a.b}, {@code list[].c}; an array's elements are merged. */
  private static TreeSet<String> fieldNames(JsonNode node, String prefix, TreeSet<String> names) {
    if (node.isArray()) {
      node.forEach(element -> fieldNames(element, prefix + "[]", names));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        names.add(name);
        fieldNames(field.getValue(), name, names);
      }
    }
    return names;
  }

  @Test
  void everyDocumentedEndpointServesExactlyTheDocumentedFieldNames(@TempDir Path checkpoints) throws IOException {
    Map<String, JsonNode> examples = documentedExamples();
    assertThat(examples.keySet()).containsExactlyInAnyOrder("/api/v1/statistics", "/api/v1/batches",
        "/api/v1/batches/{batchTimeMs}", "/api/v1/receivers", "/api/v1/inputStreams", "/api/v1/stateStreams");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.ui.enabled", "true").set("dstream.ui.port", "0"))) {
      t.context().checkpoint(checkpoints.toString());
      t.collect(t.context().receiverStream(new ErringReceiver()));
      t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("a", 1))))
          .updateStateByKey((List<Integer> values, Optional<Integer> state) -> Optional.of(values.size())));
      t.runBatches(1);
      StatusPageClient client = StatusPageClient.of(t.context());

      for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
        String path = example.getKey().replace("{batchTimeMs}", "1000");

        assertThat(fieldNames(client.json(path), "", new TreeSet<>())).as(path)
            .isEqualTo(fieldNames(example.getValue(), "", new TreeSet<>()));
      }
    }
  }
}
