package io.dstream.benchmarks;

import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the workload runs serve the status page (dstream-ui), to measure what it costs: off (the default,
 * as the workload definition runs), on with no client, or on with a client that fetches
 * {@code /api/v1/batches} every 100 ms, ten times as often as the page itself does while a browser shows it.
 */
enum StatusPageMode {
  /** No status page: the context opens no port. */
  OFF,
  /** The status page on any free port, with no client. */
  ON,
  /** The status page on any free port, polled every 100 ms for its batches. */
  POLLED;

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** A client of the status page during a run. */
  interface Client extends AutoCloseable {
    /**
     * Stops the client.
     *
     * @throws IllegalStateException if a poll failed or none was made, or if interrupted while it stops
     */
    @Override
    void close();
  }

  /**
   * Parses the harness argument's value.
   *
   * @param value {@code off}, {@code on} or {@code polled}
   * @return the mode
   * @throws IllegalArgumentException if it is none of them
   */
  static StatusPageMode parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ui=" + value + " is not a status page mode; use --ui=off, --ui=on "
          + "or --ui=polled", e);
    }
  }

  /**
   * Returns a run's configuration: the master and application name, and the status page keys of this mode.
   *
   * @param appName the application name
   * @return the configuration
   */
  StreamingConf conf(String appName) {
    StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName(appName);
    if (this != OFF) {
      conf.set("dstream.ui.enabled", "true").set("dstream.ui.port", "0");
    }
    return conf;
  }

  /**
   * Starts this mode's client of a started context's status page; closing it stops the client.
   *
   * @param ssc the started context
   * @return the client (nothing to do unless the mode is {@link #POLLED})
   */
  Client startClient(StreamingContext ssc) {
    if (this != POLLED) {
      return () -> { };
    }
    URI batches = URI.create(ssc.uiWebUrl().orElseThrow(() -> new IllegalStateException(
        "the context serves no status page; is dstream-ui on the class path?")) + "api/v1/batches");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(batches).GET().build();
    AtomicInteger polls = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "status-page-poller");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(() -> {
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          failure.compareAndSet(null, batches + " answered " + response.statusCode());
        }
        polls.incrementAndGet();
      } catch (IOException e) {
        failure.compareAndSet(null, batches + " failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      poller.shutdownNow();
      try {
        poller.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping the status page client", e);
      }
      if (failure.get() != null || polls.get() == 0) {
        throw new IllegalStateException("the status page client made " + polls.get() + " polls; "
            + (failure.get() == null ? "none succeeded" : failure.get()));
      }
    };
  }
}
