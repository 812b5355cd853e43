/**
 * Monitoring of a running {@link io.dstream.StreamingContext}: the status page and its JSON API, served while
 * the context runs when {@code dstream.ui.enabled} is true (see docs/monitoring.md).
 */
package io.dstream.ui;
