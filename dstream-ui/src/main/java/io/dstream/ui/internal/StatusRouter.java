package io.dstream.ui.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the status server: the page's static files, the JSON API under {@code /api/v1/},
 * 404 for any other path and 405 for any method but GET and HEAD (the server changes nothing).
 */
final class StatusRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRouter.class);
  private static final String API = "/api/v1/";
  private static final String BATCHES = API + "batches";
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private final StatusApi api;
  private final PageResources page;
  private final Map<String, Supplier<String>> documents;

  /**
   * Routes to an API and the page's files.
   *
   * @param api the JSON API
   * @param page the page's files
   */
  StatusRouter(StatusApi api, PageResources page) {
    this.api = api;
    this.page = page;
    this.documents = Map.of(
        API + "statistics", api::statistics,
        API + "receivers", api::receivers,
        API + "inputStreams", api::inputStreams,
        API + "stateStreams", api::stateStreams);
  }

  /**
   * Answers a request. A bad query parameter gives 400 with what was wrong; any other exception is the
   * server's: 500 with no detail for the client, logged once with its stack trace. The exchange is closed
   * whatever happens, so no client waits for an answer that will not come.
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (BadRequestException e) {
      HttpResponses.sendError(exchange, 400, e.getMessage());
    } catch (IOException e) {
      // The client went away; nothing to answer.
      LOG.debug("Status page request {} failed", exchange.getRequestURI(), e);
    } catch (RuntimeException e) {
      LOG.warn("Status page request {} failed", exchange.getRequestURI(), e);
      HttpResponses.sendError(exchange, 500, "internal error; see the application's log");
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      HttpResponses.sendError(exchange, 405, "method " + method + " is not allowed; the status server answers "
          + "only GET and HEAD");
      return;
    }
    String path = withoutTrailingSlash(exchange.getRequestURI().getRawPath());
    Optional<PageResources.Resource> resource = page.at(path);
    if (resource.isPresent()) {
      HttpResponses.send(exchange, 200, resource.get().contentType(), resource.get().body());
      return;
    }
    Supplier<String> document = documents.get(path);
    if (document != null) {
      HttpResponses.sendJson(exchange, 200, document.get());
    } else if (path.equals(BATCHES)) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      HttpResponses.sendJson(exchange, 200, api.batches(query.get("status"), limit(query.get("limit"))));
    } else if (path.startsWith(BATCHES + "/")) {
      String time = path.substring(BATCHES.length() + 1);
      Optional<String> batch = batchTime(time).flatMap(api::batch);
      if (batch.isPresent()) {
        HttpResponses.sendJson(exchange, 200, batch.get());
      } else {
        HttpResponses.sendError(exchange, 404, "no active or retained batch has the time '" + decoded(time)
            + "'; /api/v1/batches lists the batch times (batchTimeMs)");
      }
    } else {
      HttpResponses.sendError(exchange, 404, "nothing is served at " + decoded(path) + "; the page is at / and "
          + "the JSON API under " + API);
    }
  }

  /** {@code /api/v1/batches/} names what {@code /api/v1/batches} does. */
  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A path as the client meant it: percent escapes decoded, a '+' left a '+' (it is a space only in a query). */
  private static String decoded(String rawPath) {
    return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Optional<Long> batchTime(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads {@code limit}: a whole number; one too large for an int means every batch, as no limit does. */
  private static int limit(String text) {
    if (text == null) {
      return Integer.MAX_VALUE;
    }
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw new BadRequestException("limit '" + text + "' is not a whole number; give a positive number of "
          + "batches");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException beyondInt) {
      return text.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.putIfAbsent(queryDecoded(name), queryDecoded(value));
    }
    return parameters;
  }

  private static String queryDecoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the query parameter '" + text + "' is not URL-encoded: " + e.getMessage());
    }
  }
}
