package io.staysync.integrations;

import java.util.UUID;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;

/** An integration was configured, activated or deactivated; the scheduler follows it. */
public record IntegrationChanged(UUID integrationId, ChannelType type, ChannelMode mode, boolean active,
		int syncIntervalMinutes) {
}
