package io.dstream.internal;

import com.esotericsoftware.kryo.Kryo;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import io.dstream.internal.checkpoint.GraphFingerprint;
import io.dstream.internal.checkpoint.MetadataCheckpoint;
import io.dstream.internal.receiver.LoggedEventTypes;
import io.dstream.internal.receiver.ReceivedBlocksProgress;
import io.dstream.internal.state.GroupedValues;
import io.dstream.internal.state.KeyWindow;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.stream.FileStreamProgress;

/**
 * Registers the types of dstream's own durable records (metadata checkpoints, file stream progress, the
 * receivers' write-ahead log, state snapshots, the state of a scale-out window, dstream-ml's model snapshots) with Kryo, so that
 * {@code dstream.serializer.registrationRequired} applies to the application's classes only. The order fixes the ids in checkpoints: append, never reorder.
 */
public final class EngineKryoRegistrator implements KryoRegistrator {
  /**
   * Returns a serializer as a context without serializer settings has: what reads the checkpoints and logs
   * such a context wrote.
   *
   * @return the serializer
   */
  public static KryoSerializer defaultSerializer() {
    return new KryoSerializer(false, null, new EngineKryoRegistrator());
  }

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(MetadataCheckpoint.class);
    kryo.register(GraphFingerprint.class);
    kryo.register(GraphFingerprint.Stream.class);
    kryo.register(FileStreamProgress.class);
    kryo.register(FileStreamProgress.BatchFiles.class);
    LoggedEventTypes.register(kryo);
    kryo.register(StateSnapshot.class);
    kryo.register(StateSnapshot.Partition.class);
    kryo.register(Object[].class);
    kryo.register(long[].class);
    kryo.register(ReceivedBlocksProgress.class);
    kryo.register(ReceivedBlocksProgress.Batch.class);
    kryo.register(ReceivedBlocksProgress.Block.class);
    kryo.register(FileStreamProgress.TakenFile.class);
    kryo.register(KeyWindow.class);
    // The snapshots of dstream-ml's models: a model as rows of numbers.
    kryo.register(double[].class);
    kryo.register(double[][].class);
    // The lists of values updateStateByKey hands out, which a state may keep.
    GroupedValues.registerWith(kryo);
  }
}
