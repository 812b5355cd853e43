package io.dstream.internal.rdd;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running task has opened and must close when it ends: the input files that source partitions
 * read as streams. A task may stop reading a partition early ({@code take}, {@code first}, a failure
 * downstream), so closing at the end of the input is not enough. {@link JobRunner} opens one scope per task
 * attempt on the task's thread; a job run from inside a task opens a nested scope.
 */
public final class TaskResources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskResources.class);
  private static final ThreadLocal<TaskResources> CURRENT = new ThreadLocal<>();

  private final TaskResources enclosing;
  private final List<Closeable> opened = new ArrayList<>(2);

  private TaskResources(TaskResources enclosing) {
    this.enclosing = enclosing;
  }

  /** Opens the scope of a task attempt on this thread; close it when the attempt ends. */
  static TaskResources open() {
    TaskResources scope = new TaskResources(CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /**
   * Has a resource closed when the task running on this thread ends. Outside a task (a partition computed
   * directly) it is not registered, and its reader closes it at the end of its input.
   *
   * @param resource what to close; closing it twice must do no harm
   */
  public static void closeAtTaskEnd(Closeable resource) {
    TaskResources scope = CURRENT.get();
    if (scope != null) {
      scope.opened.add(resource);
    }
  }

  /** Closes what the task opened, and goes back to the enclosing task's scope, if any. */
  @Override
  public void close() {
    if (enclosing == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(enclosing);
    }
    for (Closeable resource : opened) {
      try {
        resource.close();
      } catch (IOException | RuntimeException e) {
        // The task has read what it needed; a stream that fails to close loses nothing.
        LOG.debug("could not close {} at the end of its task", resource, e);
      }
    }
  }
}
