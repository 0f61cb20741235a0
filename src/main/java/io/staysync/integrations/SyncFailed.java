package io.staysync.integrations;

import java.time.Instant;
import java.util.UUID;

import io.staysync.channels.ChannelType;

/**
 * A sync of an integration failed: no listing synced, or the channel could not be
 * reached. {@code error} is the plain-language message the console shows.
 */
public record SyncFailed(UUID integrationId, ChannelType type, Instant at, String error) {
}
