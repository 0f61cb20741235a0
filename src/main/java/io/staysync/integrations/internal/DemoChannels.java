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
import io.staysync.integrations.SyncInterval;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * Demo mode: once the sample properties exist and the server listens, an Airbnb
 * integration in iCal mode is mapped to this instance's sandbox feed, and a Booking.com
 * integration in API mode to this instance's Booking.com sandbox (a machine account it
 * accepts, one room type mapped), so that "Sync now" works on the first run and
 * Booking.com reservations trickle in by themselves. Only on the embedded database, only
 * when no integration exists yet.
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

	/**
	 * The sandbox's default hotel and room type
	 * ({@code staysync.sandbox.booking-com.hotels}).
	 */
	static final String DEMO_BOOKING_COM_ROOM = "4410021-77120001";

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
		connectBookingComSandbox(chalet);
		log.info(
				"Demo mode: Airbnb (iCal) is mapped to a sandbox feed and Booking.com (API) to the Booking.com sandbox;"
						+ " sync them from the console or with POST /api/integrations/airbnb/sync");
	}

	/**
	 * The sandbox's first hotel and room type, with the client secret it accepts (not a
	 * secret: the sandbox only answers in demo mode and tests).
	 */
	private void connectBookingComSandbox(PropertyRef property) {
		String secret = environment.getProperty("staysync.sandbox.booking-com.client-secret", "sandbox-secret");
		management.configure(ChannelType.BOOKING_COM,
				new IntegrationConfiguration("demo-machine-account", secret, null, null, true, ChannelMode.API, null));
		mappings.replace(ChannelType.BOOKING_COM,
				List.of(new MappingRequest(DEMO_BOOKING_COM_ROOM, property.id(), null)));
	}

	private void connect(ChannelType type, String feed, PropertyRef property, String base) {
		management.configure(type, new IntegrationConfiguration(null, null, null, null, true, ChannelMode.ICAL,
				SyncInterval.DEFAULT_MINUTES));
		mappings.replace(type, List.of(new MappingRequest(feed, property.id(), base + feed + ".ics")));
	}

	private static PropertyRef find(List<PropertyRef> properties, String name) {
		return properties.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
	}

}
