package org.apache.spark.util;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The one method of Spark's {@code org.apache.spark.util.Utils} that the ported suites call: a fresh temporary
 * directory for a file stream to watch.
 */
public final class Utils {
  private Utils() {}

  /**
   * Creates a new directory under {@code root}, whose name starts with {@code namePrefix}, deleted when the JVM
   * exits (with what it holds, as Spark's is).
   *
   * @param root the parent directory
   * @param namePrefix the start of the new directory's name
   * @return the new directory
   */
  public static File createTempDir(String root, String namePrefix) {
    try {
      Path dir = Files.createTempDirectory(Path.of(root), namePrefix + "-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
      return dir.toFile();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory in " + root, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
