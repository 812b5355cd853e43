package io.dstream.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket to a browser's DevTools endpoint, speaking the Chrome DevTools Protocol: each command is a JSON
 * message with an id, answered by a message with the same id. Commands for a page carry the session id that
 * {@code Target.attachToTarget} (flattened) returned, so one socket serves the browser and its page.
 *
 * <p>The page's uncaught JavaScript exceptions ({@code Runtime.exceptionThrown}) are kept, so that a test can
 * show them when the page does not render; other events go to the handler {@link #onEvent} set for their method,
 * if any, and are dropped otherwise.
 */
final class DevToolsConnection implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final List<String> pageExceptions = new CopyOnWriteArrayList<>();
  private final Map<String, Consumer<JsonNode>> eventHandlers = new ConcurrentHashMap<>();
  /** Runs the event handlers: not on the socket's thread, which must stay free to receive their commands' answers. */
  private final ExecutorService eventThread = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "devtools-events");
    thread.setDaemon(true);
    return thread;
  });

  private DevToolsConnection(URI endpoint) throws IOException, InterruptedException {
    try {
      this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(endpoint, new Listener())
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not open the DevTools WebSocket " + endpoint, e);
    }
  }

  /**
   * Connects to a DevTools endpoint.
   *
   * @param endpoint such as {@code ws://127.0.0.1:9222/devtools/browser/<id>}
   * @return the connection
   * @throws IOException if the socket does not open within 10 seconds
   * @throws InterruptedException if interrupted while connecting
   */
  static DevToolsConnection open(URI endpoint) throws IOException, InterruptedException {
    return new DevToolsConnection(endpoint);
  }

  /**
   * Sends a command and waits for its result.
   *
   * @param sessionId the page session it is for, or null for the browser
   * @param method such as {@code Page.navigate}
   * @param params its parameters
   * @param timeout how long to wait for the answer
   * @return the command's {@code result}
   * @throws IllegalStateException if the browser answered with an error, or did not answer in time
   */
  JsonNode send(String sessionId, String method, Map<String, ?> params, Duration timeout) {
    int id = nextId.getAndIncrement();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + " got no answer from the browser within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + " could not be sent to the browser", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Returns the uncaught JavaScript exceptions the page reported since {@code Runtime.enable} or the last
   * {@link #forgetPageExceptions()}.
   *
   * @return their descriptions, oldest first
   */
  List<String> pageExceptions() {
    return List.copyOf(pageExceptions);
  }

  /**
   * Hands the {@code params} of each later event of a method to a handler, on a thread of its own (so that the
   * handler may {@link #send} commands), replacing the method's previous handler.
   *
   * @param method such as {@code Fetch.requestPaused}
   * @param handler what to do with each event, or null to drop the events again
   */
  void onEvent(String method, Consumer<JsonNode> handler) {
    if (handler == null) {
      eventHandlers.remove(method);
    } else {
      eventHandlers.put(method, handler);
    }
  }

  /** Forgets the page exceptions seen so far, as when another document is loaded. */
  void forgetPageExceptions() {
    pageExceptions.clear();
  }

  @Override
  public void close() {
    eventThread.shutdownNow();
    socket.abort();
    pending.values().forEach(answer -> answer.completeExceptionally(new IOException("DevTools connection closed")));
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("the browser sent a message that is not JSON: " + text, e);
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    } else if ("Runtime.exceptionThrown".equals(message.path("method").asText())) {
      JsonNode details = message.path("params").path("exceptionDetails");
      pageExceptions.add(details.path("exception").path("description").asText(details.path("text").asText()));
    } else {
      Consumer<JsonNode> handler = eventHandlers.get(message.path("method").asText());
      if (handler != null) {
        eventThread.execute(() -> handler.accept(message.path("params")));
      }
    }
  }

  /** Joins the fragments of each text message (screenshots arrive in many) and hands on the whole message. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        receive(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(answer -> answer.completeExceptionally(error));
    }
  }
}
