package io.staysync.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.staysync.bookings.BookingChange;
import io.staysync.bookings.BookingCreated;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingUpdated;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import io.staysync.test.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync module's event flows, with the modules it depends on: an integration change
 * moves its scheduled syncs, and a booking change becomes an availability push for every
 * other channel in API mode mapped to the property (the outbox row is what the pusher
 * drains; the debounce is long here so that the row can be read before it is pushed).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(SyncModuleIntegrationTests.Peers.class)
@TestPropertySource(properties = { "staysync.availability.debounce=10m", "staysync.availability.longest-wait=1h" })
class SyncModuleIntegrationTests {

	static final LocalDate ARRIVAL = LocalDate.now().plusDays(40);

	@TestConfiguration
	static class Peers {

		@Bean
		ScriptedConnector airbnbAndBookingCom() {
			return new ScriptedConnector(ChannelType.AIRBNB, ChannelType.BOOKING_COM);
		}

	}

	@Autowired
	IntegrationManagement integrations;

	@Autowired
	MappingManagement mappings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void activatingAnIntegrationSchedulesItsSyncsOnItsSlotWithinOneIntervalAndPausingItStopsThem(Scenario scenario) {
		Instant before = Instant.now();

		scenario.stimulate(() -> integrations.configure(ChannelType.ICAL, interval(30, true)))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> nextSync(ChannelType.ICAL), Optional::isPresent)
			.andVerify(
					due -> assertThat(due.orElseThrow()).isBetween(before, Instant.now().plus(Duration.ofMinutes(30))));

		scenario.stimulate(() -> integrations.configure(ChannelType.ICAL, interval(30, false)))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> nextSync(ChannelType.ICAL), Optional::isEmpty)
			.andVerify(due -> assertThat(due).isEmpty());
	}

	@Test
	void aBookingMovedOnOneChannelIsQueuedForEveryApiChannelWithTheNightsItLeftAndTook(Scenario scenario) {
		UUID property = property();
		UUID airbnb = apiIntegrationMappedTo(ChannelType.AIRBNB, property);
		UUID bookingCom = apiIntegrationMappedTo(ChannelType.BOOKING_COM, property);
		BookingChange moved = new BookingChange(UUID.randomUUID(), property, BookingKind.RESERVATION,
				BookingSource.AIRBNB, airbnb, ARRIVAL.plusDays(2), ARRIVAL.plusDays(5));

		scenario.publish(new BookingUpdated(moved, List.of("checkIn", "checkOut"), ARRIVAL, ARRIVAL.plusDays(3)))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> queued(property), rows -> rows.size() == 2)
			.andVerify(rows -> assertThat(rows)
				.as("the nights it left may have been closed on its own channel by an earlier push: they are "
						+ "pushed there too")
				.containsExactlyInAnyOrder(
						Map.of("integration", bookingCom, "from", ARRIVAL, "to", ARRIVAL.plusDays(5)),
						Map.of("integration", airbnb, "from", ARRIVAL, "to", ARRIVAL.plusDays(5))));

		scenario
			.publish(new BookingCreated(new BookingChange(UUID.randomUUID(), property, BookingKind.RESERVATION,
					BookingSource.MANUAL, null, ARRIVAL.plusDays(9), ARRIVAL.plusDays(10))))
			.andWaitAtMost(Duration.ofSeconds(10))
			.andWaitForStateChange(() -> queued(property),
					rows -> rows.stream().allMatch(row -> ARRIVAL.plusDays(10).equals(row.get("to"))))
			.andVerify(rows -> assertThat(rows).as("a manual booking goes to every API channel, widening the range")
				.containsExactlyInAnyOrder(
						Map.of("integration", bookingCom, "from", ARRIVAL, "to", ARRIVAL.plusDays(10)),
						Map.of("integration", airbnb, "from", ARRIVAL, "to", ARRIVAL.plusDays(10))));
	}

	private static IntegrationConfiguration interval(int minutes, boolean active) {
		return new IntegrationConfiguration(null, null, null, null, active, ChannelMode.ICAL, minutes);
	}

	private UUID apiIntegrationMappedTo(ChannelType type, UUID property) {
		UUID id = integrations
			.configure(type,
					new IntegrationConfiguration("k-0123456789abcdef", null, null, null, true, ChannelMode.API, 60))
			.integration()
			.id();
		mappings.replace(type, List.of(new MappingRequest(type.path() + "-listing", property, null)));
		return id;
	}

	private Optional<Instant> nextSync(ChannelType type) {
		UUID id = integrations.find(type).orElseThrow().id();
		return jdbc
			.sql("select execution_time from scheduled_tasks where task_name = 'integration-sync'"
					+ " and task_instance = :id")
			.param("id", id.toString())
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	private List<Map<String, Object>> queued(UUID property) {
		return jdbc.sql("select integration_id, range_from, range_to from availability_pushes where property_id = :p")
			.param("p", property)
			.query((row, n) -> Map.<String, Object>of("integration", row.getObject("integration_id", UUID.class),
					"from", row.getObject("range_from", LocalDate.class), "to",
					row.getObject("range_to", LocalDate.class)))
			.list();
	}

	private UUID property() {
		return TestProperties.insert(jdbc, "Pushed flat", "Europe/Madrid");
	}

}
