package io.staysync.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import io.staysync.bookings.BookingCreated;
import io.staysync.sync.ScriptedConnector.Answer;
import io.staysync.sync.ScriptedConnector.Stay;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;
import io.staysync.test.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database goes away in the middle of applying a listing: after the listing's first
 * booking is written, its session is terminated by the server
 * ({@code pg_terminate_backend}, from another connection), as a failover or a restart of
 * PostgreSQL would. The listing ends as error with a message, nothing of it is kept, the
 * other listings are applied, and the next run applies the missing listing once.
 */
@OnPostgres
@Import(DatabaseGoneMidRunOnPostgresIntegrationTests.Faults.class)
class DatabaseGoneMidRunOnPostgresIntegrationTests extends ApiIntegrationTest {

	static final LocalDate SOON = LocalDate.now().plusDays(20);

	static final LocalDate KILLED_AFTER = SOON.plusDays(10);

	@TestConfiguration
	static class Faults {

		@Bean
		ScriptedConnector scriptedConnector() {
			return new ScriptedConnector();
		}

		@Bean
		SessionKiller sessionKiller(JdbcClient jdbc) {
			return new SessionKiller(jdbc);
		}

	}

	/**
	 * Runs inside the apply transaction (a plain listener is called synchronously), finds
	 * the server process of that transaction's connection, and has the server end it.
	 */
	static class SessionKiller {

		private final JdbcClient jdbc;

		volatile boolean armed;

		volatile Integer killed;

		SessionKiller(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		void on(BookingCreated created) throws SQLException {
			if (!armed || !created.booking().checkIn().equals(KILLED_AFTER)) {
				return;
			}
			armed = false;
			int pid = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
			try (Connection other = PostgresTestDatabase.connect();
					PreparedStatement terminate = other.prepareStatement("select pg_terminate_backend(?, 5000)")) {
				terminate.setInt(1, pid);
				terminate.execute();
			}
			killed = pid;
		}

	}

	@Autowired
	ScriptedConnector peer;

	@Autowired
	SessionKiller killer;

	@BeforeEach
	void bookingComWithThreeListings() throws Exception {
		resetChannels();
		String property = createProperty("Fragile Flat " + System.nanoTime(), "Europe/Madrid", 6);
		mvc.perform(json(asAdmin(post("/api/integrations/bookingcom/configure")),
				"{\"apiKey\":\"k-0123456789abcdef\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/bookingcom/mappings")), """
				[{"externalListingId":"db-1","propertyId":"%1$s"},{"externalListingId":"db-2","propertyId":"%1$s"},
				 {"externalListingId":"db-3","propertyId":"%1$s"}]""".formatted(property))).andExpect(status().isOk());
	}

	@Test
	void theListingInProgressIsRolledBackAndSaysWhyAndTheNextRunAppliesItOnce() throws Exception {
		script();
		killer.armed = true;

		String broken = syncAndWait("partial");

		assertThat(killer.killed).as("a session was terminated mid-transaction").isNotNull();
		mvc.perform(asAdmin(get("/api/syncs/" + broken)))
			.andExpect(jsonPath("$.errorMessage").value(containsString("1 of 3 listings failed")))
			.andExpect(jsonPath("$.listings[1].externalListingId").value("db-2"))
			.andExpect(jsonPath("$.listings[1].status").value("error"))
			.andExpect(
					jsonPath("$.listings[1].message").value(containsString("the connection to the database was lost")))
			.andExpect(jsonPath("$.listings[2].status").value("success"))
			.andExpect(jsonPath("$.bookingsCreated").value(3));
		assertThat(keys()).as("nothing of db-2 was kept, not even the booking written before the session died")
			.containsExactly("D1", "D2", "D5");

		script();
		String next = syncAndWait("success");

		mvc.perform(asAdmin(get("/api/syncs/" + next)))
			.andExpect(jsonPath("$.bookingsCreated").value(2))
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(keys()).containsExactly("D1", "D2", "D3", "D4", "D5");
		assertThat(count("bookings where external_id in ('D3', 'D4') and version = 0")).isEqualTo(2);
	}

	private void script() {
		peer.then("db-1", Answer.feed(Stay.of("D1", SOON, 2), Stay.of("D2", SOON.plusDays(3), 2)));
		peer.then("db-2", Answer.feed(Stay.of("D3", KILLED_AFTER, 1), Stay.of("D4", KILLED_AFTER.plusDays(2), 2)));
		peer.then("db-3", Answer.feed(Stay.of("D5", SOON.plusDays(20), 3)));
	}

	private List<String> keys() {
		return jdbc.sql("select external_id from bookings where external_id like 'D%' order by external_id")
			.query(String.class)
			.list();
	}

	private String syncAndWait(String expectedStatus) throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/bookingcom/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> mvc.perform(asAdmin(get("/api/syncs/" + run)))
				.andExpect(jsonPath("$.status").value(expectedStatus)));
		return run;
	}

}
