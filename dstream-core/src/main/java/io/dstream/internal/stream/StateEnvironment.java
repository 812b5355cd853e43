package io.dstream.internal.stream;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.rdd.Engine;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a stateful stream needs from its context: the engine its state RDDs live in, the checkpoint
 * directory its snapshots go to (set with {@code ssc.checkpoint(dir)}, possibly after the stream is
 * defined, hence a supplier), and the serializer that writes them.
 *
 * @param engine the context's RDD engine
 * @param checkpointDirectory returns the checkpoint directory, if one is set
 * @param serializer the context's serializer
 */
public record StateEnvironment(Engine engine, Supplier<Optional<CheckpointDirectory>> checkpointDirectory,
    Serializer serializer) {}
