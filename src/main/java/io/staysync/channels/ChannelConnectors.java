package io.staysync.channels;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Finds the connector for a channel type and mode, if one exists in this version. */
@Component
public class ChannelConnectors {

	private final List<ChannelConnector> connectors;

	ChannelConnectors(List<ChannelConnector> connectors) {
		this.connectors = connectors;
	}

	public Optional<ChannelConnector> find(ChannelType type, ChannelMode mode) {
		return connectors.stream().filter(connector -> connector.supports(type, mode)).findFirst();
	}

}
