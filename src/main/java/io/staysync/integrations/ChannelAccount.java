package io.staysync.integrations;

import java.util.UUID;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;

/** An integration as the sync engine sees it. */
public record ChannelAccount(UUID id, ChannelType type, ChannelMode mode, boolean active, int syncIntervalMinutes,
		IntegrationStatus status) {
}
