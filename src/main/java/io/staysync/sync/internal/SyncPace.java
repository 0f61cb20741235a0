package io.staysync.sync.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.integrations.ChannelAccount;

/**
 * How often an integration is synced: the connector's own pace when it sets one (a pulled
 * queue, such as Booking.com's every 30 seconds), else the integration's interval in
 * minutes. What the schedule follows and what lateness is measured against.
 */
@Component
class SyncPace {

	private final ChannelConnectors connectors;

	SyncPace(ChannelConnectors connectors) {
		this.connectors = connectors;
	}

	Duration interval(ChannelAccount account) {
		return connectors.find(account.type(), account.mode())
			.flatMap(ChannelConnector::pollInterval)
			.orElse(Duration.ofMinutes(account.syncIntervalMinutes()));
	}

}
