package io.dstream.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The JSON writer: what it writes parses back, with a real parser, to exactly what was written. */
class JsonWriterTest {

  private static final List<String> HOSTILE = List.of(
      "<script>alert(1)</script>",
      "quote \" backslash \\ slash /",
      "new\nline, return\r, tab\t, backspace\b, form feed\f, nul\0, bell\u0007, unit separator\u001f, del\u007f",
      "line separator\u2028paragraph separator\u2029",
      "emoji \uD83D\uDE00 and accents \u00e9\u00e8",
      "</script><!-- & -->",
      "");

  @Test
  void everyStringParsesBackToItselfAndNoneLeavesMarkupOrRawControlCharacters() {
    for (String text : HOSTILE) {
      String json = new JsonWriter().beginObject().field("value", text).endObject().toJson();

      assertThat(StatusPageClient.parse(json).get("value").asText()).isEqualTo(text);
      assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
      assertThat(json.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
    }
  }

  @Test
  void aLoneSurrogateIsEscapedRatherThanLost() {
    String json = new JsonWriter().value("a\uD800b").toJson();

    assertThat(json).isEqualTo("\"a\\ud800b\"");
  }

  @Test
  void membersAndElementsAreSeparatedByCommasAtEveryDepth() {
    String json = new JsonWriter().beginObject()
        .field("n", 1).field("x", 2.5).field("ok", true).field("none", (String) null)
        .field("absent", OptionalLong.empty()).field("present", Optional.of("p"))
        .name("list").beginArray().value(1).beginObject().field("a", "b").endObject().beginArray().endArray()
        .value(Double.NaN).endArray()
        .name("empty").beginObject().endObject()
        .endObject().toJson();

    JsonNode parsed = StatusPageClient.parse(json);
    assertThat(json).isEqualTo("{\"n\":1,\"x\":2.5,\"ok\":true,\"none\":null,\"absent\":null,\"present\":\"p\","
        + "\"list\":[1,{\"a\":\"b\"},[],null],\"empty\":{}}");
    assertThat(parsed.get("list").size()).isEqualTo(4);
  }

  @Test
  void anUnclosedOrOverClosedDocumentIsRefused() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().toJson())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("still open");
    assertThatThrownBy(() -> new JsonWriter().endArray())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closes nothing");
  }
}
