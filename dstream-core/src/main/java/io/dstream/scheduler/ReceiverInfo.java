package io.dstream.scheduler;

import java.util.Optional;

/**
 * What a receiver is doing, as its listener events report it.
 *
 * @param streamId the id of the receiver's input stream ({@code InputDStream.id()})
 * @param name the receiver's class name, such as {@code SocketTextReceiver}
 * @param active whether the receiver is running (false once it has stopped for good)
 * @param lastErrorMessage the message of the latest error the receiver reported or met, if any
 * @param lastError the latest error's exception, if it had one
 * @param lastErrorTime when the latest error happened, in milliseconds of the context's clock, if any
 */
public record ReceiverInfo(int streamId, String name, boolean active, Optional<String> lastErrorMessage,
    Optional<Throwable> lastError, Optional<Long> lastErrorTime) {}
