package io.staysync.integrations.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type that holds a secret hides it from {@code toString()}, and so from logs and
 * exceptions.
 */
class SecretHoldersTests {

	static final String KEY = "ak_live_toString_must_hide";

	static final String URL = "https://www.airbnb.com/calendar/ical/1.ics?s=hidden-token";

	@Test
	void toStringNeverShowsASecret() {
		Integration integration = Integration.first(ChannelType.AIRBNB, ChannelMode.API, Instant.now());
		integration.sealApiKey("sealed-" + KEY, "hide");
		ListingMapping mapping = ListingMapping.create(UUID.randomUUID(), "L1", UUID.randomUUID(), "export-token",
				Instant.now());
		mapping.sealImportUrl("sealed-" + URL, "www.airbnb.com", Instant.now());

		List<Object> holders = List.of(
				new ChannelCredentials(UUID.randomUUID(), ChannelType.AIRBNB, ChannelMode.API, KEY, KEY, KEY, null,
						List.of(new ChannelListing("L1", UUID.randomUUID(), URL))),
				new ChannelListing("L1", UUID.randomUUID(), URL),
				new IntegrationConfiguration(KEY, KEY, KEY, null, true, ChannelMode.API, 5),
				new MappingManagement.MappingRequest("L1", UUID.randomUUID(), URL),
				new IntegrationManagement.Configured(integration, KEY), integration, mapping);

		for (Object holder : holders) {
			assertThat(holder.toString()).as(holder.getClass().getSimpleName())
				.doesNotContain(KEY, URL, "hidden-token", "export-token");
		}
	}

}
