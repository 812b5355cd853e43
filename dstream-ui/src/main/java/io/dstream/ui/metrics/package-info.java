/**
 * dstream's figures as Micrometer meters: bind a context with {@link io.dstream.ui.metrics.DStreamMetrics} to
 * the {@code MeterRegistry} of the metrics system you run (Prometheus, JMX, OTLP, ...). Needs
 * {@code io.micrometer:micrometer-core} on the class path; docs/monitoring.md lists every meter.
 */
package io.dstream.ui.metrics;
