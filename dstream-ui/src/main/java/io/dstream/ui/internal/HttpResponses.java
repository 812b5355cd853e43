package io.dstream.ui.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends the status server's responses, every one with the same protective headers: the browser must not guess
 * a content type ({@code nosniff}), the page may load only its own scripts, styles and API
 * ({@code Content-Security-Policy}), and no response is cached, framed or sent as a referrer.
 */
final class HttpResponses {
  /** The content type of every JSON response. */
  static final String JSON = "application/json; charset=utf-8";

  /** What the page may load: only what this server serves; no inline script, no plugins, no frames. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'";

  private HttpResponses() {}

  /**
   * Sends a response with a body (none for a HEAD request) and closes the exchange.
   *
   * @param exchange the exchange
   * @param status the HTTP status code
   * @param contentType the body's content type
   * @param body the body
   * @throws IOException if the client cannot be written to
   */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", contentType);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      headers.set("X-Frame-Options", "DENY");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Cache-Control", "no-store");
      if (exchange.getRequestMethod().equals("HEAD")) {
        headers.set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Sends a JSON document.
   *
   * @param exchange the exchange
   * @param status the HTTP status code
   * @param json the document
   * @throws IOException if the client cannot be written to
   */
  static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends an error as a JSON document {@code {"error": ..., "status": ...}}.
   *
   * @param exchange the exchange
   * @param status the HTTP status code
   * @param message what was wrong, and what to do
   * @throws IOException if the client cannot be written to
   */
  static void sendError(HttpExchange exchange, int status, String message) throws IOException {
    sendJson(exchange, status, new JsonWriter().beginObject().field("error", message).field("status", status)
        .endObject().toJson());
  }
}
