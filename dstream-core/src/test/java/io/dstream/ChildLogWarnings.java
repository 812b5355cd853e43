package io.dstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The WARN and ERROR lines of the child JVMs' logs of one crash run, counted by kind: what a soak prints so
 * that a degradation that loses nothing (a recovery doing more than it should, a file left behind) is seen.
 * The kind of a line is its level, logger and message with numbers and paths blanked out.
 */
final class ChildLogWarnings {
  private ChildLogWarnings() {}

  /** Counts the WARN and ERROR lines of every {@code *.log} of a work directory, by kind. */
  static Map<String, Integer> of(Path work) throws IOException {
    Map<String, Integer> kinds = new TreeMap<>();
    try (Stream<Path> logs = Files.list(work)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines) {
          if (line.contains(" WARN ") || line.contains(" ERROR ")) {
            kinds.merge(kind(line), 1, Integer::sum);
          }
        }
      }
    }
    return kinds;
  }

  private static String kind(String line) {
    String message = line.substring(line.indexOf(line.contains(" WARN ") ? " WARN " : " ERROR ") + 1)
        .replaceFirst("\\[[^]]*] ", "")
        .replaceAll("file:\\S*", "<path>")
        .replaceAll("\\d+", "N");
    return message.length() > 160 ? message.substring(0, 160) + "..." : message;
  }
}
