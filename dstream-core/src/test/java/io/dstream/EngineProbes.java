package io.dstream;

import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.RDD;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks at what the engine keeps for a stream: the streams behind it and the lineage of its RDDs. */
final class EngineProbes {
  private EngineProbes() {}

  /** Returns the stream and every stream it is computed from. */
  static List<StreamNode<?>> streamAndAncestors(DStreamLike<?, ?, ?> stream) {
    Set<StreamNode<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<StreamNode<?>> todo = new ArrayDeque<>(List.of(stream.node));
    while (!todo.isEmpty()) {
      StreamNode<?> next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(next.dependencies());
      }
    }
    return List.copyOf(seen);
  }

  /** Returns the length of the longest dependency path from an RDD to a source of its lineage. */
  static int lineageDepth(RDD<?> rdd) {
    return depth(RddAccess.node(rdd), new IdentityHashMap<>());
  }

  private static int depth(RddNode<?> node, Map<RddNode<?>, Integer> known) {
    Integer cached = known.get(node);
    if (cached != null) {
      return cached;
    }
    int deepest = 0;
    for (Dependency dep : node.dependencies()) {
      deepest = Math.max(deepest, 1 + depth(dep.parent(), known));
    }
    known.put(node, deepest);
    return deepest;
  }
}
