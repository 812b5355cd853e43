package io.dstream.ui.internal;

import io.dstream.internal.RuntimeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The documents of the JSON API ({@code /api/v1/...}, see docs/monitoring.md): each method reads one
 * {@link StatusSnapshot} (and the runtime's {@link RuntimeStatus} where it needs it) and writes it as JSON.
 * Field names are stable; every number carries its unit in its name ({@code ...Ms}, {@code ...PerSecond}).
 */
final class StatusApi {
  private final StatusStore store;
  private final RuntimeStatus runtime;
  private final String url;

  /**
   * Serves the figures of a store and a runtime.
   *
   * @param store the status store fed by the context's listener events
   * @param runtime what the runtime tells beyond its events
   * @param url the status page's address
   */
  StatusApi(StatusStore store, RuntimeStatus runtime, String url) {
    this.store = store;
    this.runtime = runtime;
    this.url = url;
  }

  /**
   * Returns {@code /api/v1/statistics}: the totals since the start and the averages of the retained batches.
   *
   * @return the JSON document
   */
  String statistics() {
    StatusSnapshot snapshot = store.snapshot();
    List<BatchSummary> completed = snapshot.completedBatches();
    JsonWriter json = new JsonWriter().beginObject()
        .field("startTimeMs", snapshot.startTimeMs())
        .field("batchIntervalMs", snapshot.batchIntervalMs())
        .field("batchesCompleted", snapshot.batchesCompleted())
        .field("failedBatches", snapshot.failedBatches())
        .field("recordsProcessed", snapshot.recordsProcessed())
        .field("activeBatches", snapshot.activeBatches().size())
        .field("retainedBatches", completed.size())
        .field("averageInputRecordsPerSecond", recordsPerSecond(snapshot, BatchSummary::records))
        .field("averageSchedulingDelayMs", average(completed, BatchSummary::schedulingDelayMs))
        .field("averageProcessingTimeMs", average(completed, BatchSummary::processingTimeMs))
        .field("averageTotalDelayMs", average(completed, BatchSummary::totalDelayMs))
        .field("blocksWaiting", runtime.blocksWaiting())
        .field("droppedListenerEvents", runtime.droppedListenerEvents())
        .field("url", url);
    return json.endObject().toJson();
  }

  /**
   * Returns {@code /api/v1/batches}: the active batches, then the retained completed ones, newest first.
   *
   * @param status only batches whose status is this ({@code queued}, {@code processing}, {@code succeeded},
   *     {@code failed}), or all of a group ({@code active}, {@code completed}); null for every batch
   * @param limit at most this many batches
   * @return the JSON document
   * @throws BadRequestException if the status is none of those or the limit is not positive
   */
  String batches(String status, int limit) {
    if (limit <= 0) {
      throw new BadRequestException("limit is " + limit + "; give a positive number of batches");
    }
    Predicate<BatchSummary> wanted = statusFilter(status);
    StatusSnapshot snapshot = store.snapshot();
    JsonWriter json = new JsonWriter().beginArray();
    snapshot.activeBatches().stream().filter(wanted).limit(limit)
        .forEach(batch -> writeBatch(json, batch, false));
    long left = limit - snapshot.activeBatches().stream().filter(wanted).limit(limit).count();
    snapshot.completedBatches().stream().filter(wanted).limit(left)
        .forEach(batch -> writeBatch(json, batch, false));
    return json.endArray().toJson();
  }

  private static Predicate<BatchSummary> statusFilter(String status) {
    if (status == null) {
      return batch -> true;
    }
    return switch (status) {
      case "active" -> batch -> batch.processingEndTimeMs().isEmpty();
      case "completed" -> batch -> batch.processingEndTimeMs().isPresent();
      case "queued", "processing", "succeeded", "failed" -> batch -> batch.status().equals(status);
      default -> throw new BadRequestException("status '" + status + "' is unknown; use one of queued, "
          + "processing, succeeded, failed, active or completed");
    };
  }

  /**
   * Returns {@code /api/v1/batches/{batchTimeMs}}: one batch with its output operations.
   *
   * @param batchTimeMs the batch time
   * @return the JSON document, or empty if no active or retained batch has that time
   */
  Optional<String> batch(long batchTimeMs) {
    StatusSnapshot snapshot = store.snapshot();
    return Stream.concat(snapshot.activeBatches().stream(), snapshot.completedBatches().stream())
        .filter(batch -> batch.batchTimeMs() == batchTimeMs)
        .findFirst()
        .map(batch -> {
          JsonWriter json = new JsonWriter();
          writeBatch(json, batch, true);
          return json.toJson();
        });
  }

  /**
   * Returns {@code /api/v1/receivers}: each receiver that has reported, with its stream's rate.
   *
   * @return the JSON document
   */
  String receivers() {
    StatusSnapshot snapshot = store.snapshot();
    List<RuntimeStatus.InputStream> streams = runtime.inputStreams();
    JsonWriter json = new JsonWriter().beginArray();
    for (ReceiverSummary receiver : snapshot.receivers().values()) {
      json.beginObject()
          .field("streamId", receiver.streamId())
          .field("streamName", streams.stream().filter(s -> s.id() == receiver.streamId())
              .map(RuntimeStatus.InputStream::name).findFirst())
          .field("name", receiver.name())
          .field("status", receiver.status());
      writeErrorAndRates(json, receiver, snapshot, receiver.streamId());
      json.endObject();
    }
    return json.endArray().toJson();
  }

  /**
   * Returns {@code /api/v1/inputStreams}: every input stream, with its receiver's state and its rates.
   *
   * @return the JSON document
   */
  String inputStreams() {
    StatusSnapshot snapshot = store.snapshot();
    JsonWriter json = new JsonWriter().beginArray();
    for (RuntimeStatus.InputStream stream : runtime.inputStreams()) {
      Optional<ReceiverSummary> receiver = Optional.ofNullable(snapshot.receivers().get(stream.id()))
          .or(() -> stream.receiver().map(ReceiverSummary::of));
      json.beginObject()
          .field("id", stream.id())
          .field("name", stream.name())
          .field("operation", stream.operation())
          .field("receiverName", receiver.map(ReceiverSummary::name))
          .field("receiverStatus", receiver.map(ReceiverSummary::status));
      writeErrorAndRates(json, receiver.orElse(null), snapshot, stream.id());
      json.endObject();
    }
    return json.endArray().toJson();
  }

  /**
   * Returns {@code /api/v1/stateStreams}: the streams that keep state per key, with the keys they hold.
   *
   * @return the JSON document
   */
  String stateStreams() {
    JsonWriter json = new JsonWriter().beginArray();
    for (RuntimeStatus.StateStream stream : runtime.stateStreams()) {
      json.beginObject().field("id", stream.id()).field("name", stream.name()).field("keys", stream.keys())
          .endObject();
    }
    return json.endArray().toJson();
  }

  private static void writeErrorAndRates(JsonWriter json, ReceiverSummary receiver, StatusSnapshot snapshot,
      int streamId) {
    json.field("lastErrorMessage", receiver == null ? Optional.empty() : receiver.lastErrorMessage())
        .field("lastErrorTimeMs", receiver == null ? OptionalLong.empty() : receiver.lastErrorTimeMs())
        .field("latestBatchRecords", snapshot.completedBatches().stream().findFirst()
            .map(batch -> batch.recordsPerStream().get(streamId))
            .map(OptionalLong::of).orElse(OptionalLong.empty()))
        .field("averageRecordsPerSecond",
            recordsPerSecond(snapshot, batch -> batch.recordsPerStream().getOrDefault(streamId, 0L)));
  }

  private static void writeBatch(JsonWriter json, BatchSummary batch, boolean withOutputOperations) {
    json.beginObject()
        .field("batchTimeMs", batch.batchTimeMs())
        .field("status", batch.status())
        .field("records", batch.records())
        .field("submissionTimeMs", batch.submissionTimeMs())
        .field("processingStartTimeMs", batch.processingStartTimeMs())
        .field("processingEndTimeMs", batch.processingEndTimeMs())
        .field("schedulingDelayMs", batch.schedulingDelayMs())
        .field("processingTimeMs", batch.processingTimeMs())
        .field("totalDelayMs", batch.totalDelayMs())
        .field("failureReason", batch.failureReason());
    json.name("inputStreams").beginArray();
    batch.recordsPerStream().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> json.beginObject().field("id", entry.getKey()).field("records", entry.getValue())
            .endObject());
    json.endArray();
    if (withOutputOperations) {
      json.name("outputOperations").beginArray();
      for (BatchSummary.OutputOperationSummary op : batch.outputOperations()) {
        json.beginObject()
            .field("id", op.id())
            .field("name", op.name())
            .field("description", op.description())
            .field("startTimeMs", op.startTimeMs())
            .field("endTimeMs", op.endTimeMs())
            .field("durationMs", op.durationMs())
            .field("status", op.failureReason().isPresent() ? "failed"
                : op.endTimeMs().isPresent() ? "succeeded" : "running")
            .field("failureReason", op.failureReason())
            .endObject();
      }
      json.endArray();
    }
    json.endObject();
  }

  /** The mean of a figure over the batches that have it; NaN (written as null) if none has. */
  private static double average(List<BatchSummary> batches, Function<BatchSummary, OptionalLong> figure) {
    return batches.stream().map(figure).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
        .average().orElse(Double.NaN);
  }

  /** Records per second over the retained completed batches: their records over their batch intervals. */
  private static double recordsPerSecond(StatusSnapshot snapshot, ToLongFunction<BatchSummary> records) {
    List<BatchSummary> batches = snapshot.completedBatches();
    if (batches.isEmpty()) {
      return Double.NaN;
    }
    long total = batches.stream().mapToLong(records).sum();
    return total * 1000.0 / (batches.size() * snapshot.batchIntervalMs());
  }
}
