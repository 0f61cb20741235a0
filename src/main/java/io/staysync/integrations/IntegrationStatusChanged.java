package io.staysync.integrations;

import java.util.UUID;

import io.staysync.channels.ChannelType;

/**
 * A test or a sync moved an integration to another status (for example from connected to
 * error); {@code message} says why when it is an error.
 */
public record IntegrationStatusChanged(UUID integrationId, ChannelType type, IntegrationStatus previous,
		IntegrationStatus current, String message) {
}
