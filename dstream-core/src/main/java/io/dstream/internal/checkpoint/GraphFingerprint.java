package io.dstream.internal.checkpoint;

import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.StreamNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a DStream graph, without its code: every stream's stable key, operation, parents and
 * parameters (see {@link StreamNode#parameters()}: a file stream's directory, a window's durations...), in
 * creation order. A checkpoint records it; recovery compares it with the graph the factory built, so that
 * the progress and state of one stream are never restored into another, nor into a stream that now computes
 * something else from the same parents.
 *
 * @param streams the streams, in creation order
 */
public record GraphFingerprint(List<Stream> streams) {
  /** How a parameter that only one side has is shown on the other. */
  private static final String NONE = "none";

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
   * @param parameters the values besides its functions that decide what it computes, by name
   */
  public record Stream(String key, String operation, List<String> parentKeys, Map<String, String> parameters) {
    /**
     * Copies the collections.
     *
     * @param key the stable key
     * @param operation the operation
     * @param parentKeys the parents' keys
     * @param parameters the parameters
     */
    public Stream {
      parentKeys = List.copyOf(parentKeys);
      parameters = Map.copyOf(parameters);
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
      streams.add(new Stream(node.stableKey(), node.operationName(), parents, node.parameters()));
    }
    return new GraphFingerprint(streams);
  }

  /**
   * Describes the first difference between this (checkpointed) graph and the current one: walking this
   * graph's streams in creation order, a stream that is missing now, has another operation, another parent,
   * or another value of a parameter; then a stream that is new.
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
      Optional<String> parameter = parameterDifference(before, after);
      if (parameter.isPresent()) {
        return parameter;
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

  /** The first parameter, by name, whose value differs; one that only one side has counts as "none". */
  private static Optional<String> parameterDifference(Stream before, Stream after) {
    Set<String> names = new TreeSet<>(before.parameters().keySet());
    names.addAll(after.parameters().keySet());
    for (String name : names) {
      String then = before.parameters().getOrDefault(name, NONE);
      String now = after.parameters().getOrDefault(name, NONE);
      if (!then.equals(now)) {
        return Optional.of("the " + name + " of " + label(before.key()) + " ('" + before.operation() + "') was "
            + then + " in the checkpoint but is " + now + " now");
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
