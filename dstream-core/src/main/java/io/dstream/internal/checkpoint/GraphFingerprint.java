package io.dstream.internal.checkpoint;

import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.StreamNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a DStream graph, without its code: every stream's stable key, operation and parents, in
 * creation order. A checkpoint records it; recovery compares it with the graph the factory built, so that
 * the state of one stream is never restored into another.
 *
 * @param streams the streams, in creation order
 */
public record GraphFingerprint(List<Stream> streams) {
  /**
   * Copies the list.
   *
   * @param streams the streams
   */
  public GraphFingerprint {
    streams = List.copyOf(streams);
  }

  /**
   * One stream of the graph.
   *
   * @param key its stable key: its name, or its id in creation order
   * @param operation its operation, such as {@code map} or {@code saveAsTextFiles}
   * @param parentKeys the stable keys of the streams it is computed from
   */
  public record Stream(String key, String operation, List<String> parentKeys) {
    /**
     * Copies the list.
     *
     * @param key the stable key
     * @param operation the operation
     * @param parentKeys the parents' keys
     */
    public Stream {
      parentKeys = List.copyOf(parentKeys);
    }
  }

  /**
   * Takes the fingerprint of a graph.
   *
   * @param graph the graph
   * @return its fingerprint
   */
  public static GraphFingerprint of(DStreamGraph graph) {
    List<Stream> streams = new ArrayList<>();
    for (StreamNode<?> node : graph.streams()) {
      List<String> parents = new ArrayList<>();
      for (StreamNode<?> parent : node.dependencies()) {
        parents.add(parent.stableKey());
      }
      streams.add(new Stream(node.stableKey(), node.operationName(), parents));
    }
    return new GraphFingerprint(streams);
  }

  /**
   * Describes the first difference between this (checkpointed) graph and the current one: walking this
   * graph's streams in creation order, a stream that is missing now, has another operation, or another
   * parent; then a stream that is new.
   *
   * @param current the graph as it is now
   * @return the difference, or empty if the graphs match
   */
  public Optional<String> firstDifference(GraphFingerprint current) {
    Map<String, Stream> now = byKey(current);
    for (Stream before : streams) {
      Stream after = now.get(before.key());
      if (after == null) {
        return Optional.of(label(before.key()) + " ('" + before.operation() + "') of the checkpoint does not "
            + "exist now");
      }
      if (!after.operation().equals(before.operation())) {
        return Optional.of(label(before.key()) + " was '" + before.operation() + "' in the checkpoint but is '"
            + after.operation() + "' now");
      }
      if (!after.parentKeys().equals(before.parentKeys())) {
        return Optional.of(label(before.key()) + " ('" + before.operation() + "') was computed from "
            + labels(before.parentKeys()) + " in the checkpoint but from " + labels(after.parentKeys()) + " now");
      }
    }
    Map<String, Stream> then = byKey(this);
    for (Stream after : current.streams()) {
      if (!then.containsKey(after.key())) {
        return Optional.of(label(after.key()) + " ('" + after.operation() + "') is new: the checkpoint has no "
            + "such stream");
      }
    }
    return Optional.empty();
  }

  private static Map<String, Stream> byKey(GraphFingerprint graph) {
    Map<String, Stream> map = new LinkedHashMap<>();
    for (Stream stream : graph.streams()) {
      map.put(stream.key(), stream);
    }
    return map;
  }

  private static String labels(List<String> keys) {
    return keys.stream().map(GraphFingerprint::label).toList().toString();
  }

  /** Unnamed streams are known by their id, named ones by their name. */
  private static String label(String key) {
    return Character.isDigit(key.charAt(0)) ? "stream " + key : "stream '" + key + "'";
  }
}
