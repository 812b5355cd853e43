package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the configuration tables of the docs in step with {@link ConfigKeys}: a key added to the code must
 * be documented, with its default, and a documented key must exist.
 */
class ConfigurationDocTest {
  private static final Pattern KEY_ROW = Pattern.compile("^\\| `(dstream\\.[^`]+)` \\| ([^|]*?) \\|.*$");

  @Test
  void theConfigurationPageListsEveryKeyWithItsDefault() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (ConfigKey<?> key : ConfigKeys.all()) {
      expected.put(key.name(), key.defaultText() == null ? "none" : "`" + key.defaultText() + "`");
    }

    assertThat(keyRows("docs/configuration.md"))
        .as("rows `key` | default | meaning of docs/configuration.md, against ConfigKeys.all()")
        .containsExactlyEntriesOf(expected);
  }

  @Test
  void theProgrammingGuideListsEveryKey() throws IOException {
    assertThat(keyRows("docs/programming-guide.md").keySet())
        .as("the keys in the configuration table of docs/programming-guide.md")
        .containsExactlyElementsOf(ConfigKeys.all().stream().map(ConfigKey::name).toList());
  }

  /** Returns the first two columns of the table rows whose first column is a {@code dstream.} key. */
  private static Map<String, String> keyRows(String doc) throws IOException {
    Path file = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath()).resolve(doc);
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher row = KEY_ROW.matcher(line);
      if (row.matches()) {
        rows.put(row.group(1), row.group(2).trim());
      }
    }
    return rows;
  }
}
