package io.staysync.integrations.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.properties.PropertyCatalog;
import io.staysync.web.ConsoleController;

/**
 * The property page's channels panel: the listings mapped to one property, per channel,
 * with the channel's last sync and each listing's export link. Rendered here and loaded
 * into the properties module's page by htmx, as the dashboard's panels are.
 */
@ConsoleController
class PropertyChannels {

	private final IntegrationManagement integrations;

	private final MappingManagement mappings;

	private final PropertyCatalog properties;

	PropertyChannels(IntegrationManagement integrations, MappingManagement mappings, PropertyCatalog properties) {
		this.integrations = integrations;
		this.mappings = mappings;
		this.properties = properties;
	}

	@GetMapping("/integrations/property/{id}")
	String panel(@PathVariable UUID id, Model model) {
		List<Channel> channels = new ArrayList<>();
		for (ChannelType type : ChannelType.values()) {
			Integration integration = integrations.find(type).orElse(null);
			if (integration == null) {
				continue;
			}
			List<ListingMapping> mapped = mappings.listOfProperty(integration, id);
			if (!mapped.isEmpty()) {
				channels.add(new Channel(type, IntegrationPages.Card.label(type), integration.mode(),
						integration.lastSyncAt(),
						integration.lastSyncStatus() == null ? null : integration.lastSyncStatus().json(),
						ExportLinks.of(mapped, properties)));
			}
		}
		model.addAttribute("channels", channels);
		return "integrations/property :: channels";
	}

	/** One channel's listings of the property, and how its last sync went. */
	record Channel(ChannelType type, String label, ChannelMode mode, Instant lastSyncAt, String lastSyncStatus,
			List<ExportLinks.Link> links) {

		/**
		 * A channel in API mode is told about sold nights; it has no export link to
		 * paste.
		 */
		public boolean pushed() {
			return mode == ChannelMode.API;
		}
	}

}
