package io.staysync.integrations.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.common.RunMode;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * Demo mode: once the sample properties exist and the server listens, an Airbnb and a
 * Booking.com integration in iCal mode are mapped to this instance's sandbox feeds, so
 * that "Sync now" works on the first run. Only on the embedded database, only when no
 * integration exists yet.
 */
@Component
class DemoChannels {

	private static final Logger log = LoggerFactory.getLogger(DemoChannels.class);

	private final IntegrationRepository integrations;

	private final IntegrationManagement management;

	private final MappingManagement mappings;

	private final PropertyCatalog properties;

	private final Environment environment;

	private final boolean demo;

	DemoChannels(IntegrationRepository integrations, IntegrationManagement management, MappingManagement mappings,
			PropertyCatalog properties, Environment environment, RunMode runMode) {
		this.integrations = integrations;
		this.management = management;
		this.mappings = mappings;
		this.properties = properties;
		this.environment = environment;
		this.demo = runMode.demo();
	}

	@EventListener(ApplicationReadyEvent.class)
	void connectSandbox() {
		String port = environment.getProperty("local.server.port");
		if (!demo || port == null || integrations.count() > 0) {
			return;
		}
		List<PropertyRef> samples = properties.page(PageRequest.of(0, 10)).getContent();
		PropertyRef loft = find(samples, "Harbour Loft");
		PropertyRef chalet = find(samples, "Alpine Chalet");
		if (loft == null || chalet == null) {
			return;
		}
		String base = "http://localhost:" + port + "/sandbox/ical/";
		connect(ChannelType.AIRBNB, "airbnb-harbour-loft", loft, base);
		connect(ChannelType.BOOKING_COM, "bookingcom-alpine-chalet", chalet, base);
		log.info("Demo mode: Airbnb and Booking.com (iCal) are mapped to sandbox feeds; sync them from the console or "
				+ "with POST /api/integrations/airbnb/sync");
	}

	private void connect(ChannelType type, String feed, PropertyRef property, String base) {
		management.configure(type, new IntegrationConfiguration(null, null, null, null, true, ChannelMode.ICAL, 15));
		mappings.replace(type, List.of(new MappingRequest(feed, property.id(), base + feed + ".ics")));
	}

	private static PropertyRef find(List<PropertyRef> properties, String name) {
		return properties.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
	}

}
