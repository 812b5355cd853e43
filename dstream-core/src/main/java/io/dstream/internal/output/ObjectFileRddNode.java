package io.dstream.internal.output;

import io.dstream.checkpoint.internal.serializer.ObjectReader;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.TaskResources;
import io.dstream.internal.rdd.UserCodeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A source node over a directory that {@code saveAsObjectFiles} wrote: one partition per part file, in name
 * order. The part files are listed when the node is created and read as streams, one record at a time, when
 * a partition is computed, so memory does not grow with a part file's size.
 *
 * @param <T> the record type
 */
public final class ObjectFileRddNode<T> extends RddNode<T> {
  private final Path directory;
  private final List<Path> parts;
  private final Serializer serializer;

  private ObjectFileRddNode(Engine engine, Path directory, List<Path> parts, Serializer serializer) {
    super(engine);
    this.directory = directory;
    this.parts = parts;
    this.serializer = serializer;
  }

  /**
   * Lists a directory's part files.
   *
   * @param engine the engine
   * @param directory one batch's directory, such as {@code /data/orders-1000}
   * @param serializer configured like the one that wrote the files
   * @param <T> the record type
   * @return the node
   * @throws IllegalArgumentException if the directory does not exist, is not a directory, or cannot be listed
   */
  public static <T> ObjectFileRddNode<T> open(Engine engine, Path directory, Serializer serializer) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("objectFile: " + directory + (Files.exists(directory)
          ? " is not a directory" : " does not exist") + "; give a directory written by saveAsObjectFiles, "
          + "such as <prefix>-<batch time in ms>");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
      return new ObjectFileRddNode<>(engine, directory, parts, serializer);
    } catch (IOException e) {
      throw new IllegalArgumentException("objectFile: cannot list the directory " + directory + ": " + e, e);
    }
  }

  @Override
  public int numPartitions() {
    return parts.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  /** Reads the part file as a stream, one record at a time; its task closes it when it ends. */
  @Override
  protected Iterator<T> compute(int partition) {
    Path part = parts.get(partition);
    ObjectReader reader;
    try {
      reader = new ObjectReader(serializer, Files.newInputStream(part));
    } catch (IOException e) {
      throw failure(part, e);
    }
    TaskResources.closeAtTaskEnd(reader);
    return new Iterator<>() {
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (ended) {
          return false;
        }
        try {
          if (reader.hasNext()) {
            return true;
          }
          ended = true;
          reader.close();
          return false;
        } catch (IOException e) {
          throw failure(part, e);
        }
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more records in " + part);
        }
        try {
          return reader.read();
        } catch (IOException e) {
          throw failure(part, e);
        }
      }
    };
  }

  private static RuntimeException failure(Path part, IOException e) {
    return UserCodeException.wrap(e instanceof CorruptDataException
        ? new CorruptDataException(part + ": " + e.getMessage(), e) : e);
  }

  @Override
  public String describe() {
    return "ObjectFile " + directory;
  }
}
