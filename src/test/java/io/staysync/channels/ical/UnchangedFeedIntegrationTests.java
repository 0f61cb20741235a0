package io.staysync.channels.ical;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.FeedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A feed server without ETag or Last-Modified, answering the same calendar again: the
 * sync recognises the bytes it last applied, reports the listing unchanged without
 * reading it, and still counts the misses for cancelling exactly as for a 304. A changed
 * byte is read and applied; a calendar whose apply failed is read again next time.
 */
@Import(IcalSyncIntegrationTests.FixedClock.class)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class UnchangedFeedIntegrationTests extends ApiIntegrationTest {

	static FeedServer feeds;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
		feeds.withoutValidators();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@Test
	void theSameBytesAreNotReadAgainAndStillCountTowardsCancelling() throws Exception {
		resetChannels();
		String path = "/no-validators-" + System.nanoTime() + ".ics";
		String property = connect(feeds.url(path));
		feeds.serve(path, calendar(STAY_A + STAY_B), "text/calendar");

		String firstRun = syncAndWait();
		assertThat(listing(firstRun, "status")).isEqualTo("success");
		assertThat(run(firstRun, "$.bookingsCreated")).isEqualTo(2);

		String sameAgain = syncAndWait();
		assertThat(feeds.hits(path)).as("fetched again: no validators to ask with").isEqualTo(2);
		assertThat(listing(sameAgain, "status")).isEqualTo("not_modified");
		assertThat(listing(sameAgain, "message")).isEqualTo("Unchanged since the last fetch.");

		feeds.serve(path, calendar(STAY_A), "text/calendar");
		String withoutB = syncAndWait();
		assertThat(listing(withoutB, "status")).isEqualTo("success");
		assertThat(statusOf("b-stay@unchanged.example")).as("missing once").isEqualTo("CONFIRMED");

		String withoutBAgain = syncAndWait();
		assertThat(listing(withoutBAgain, "status")).isEqualTo("not_modified");
		assertThat(run(withoutBAgain, "$.bookingsCancelled")).as("the second miss, as a 304 counts it").isEqualTo(1);
		assertThat(statusOf("b-stay@unchanged.example")).isEqualTo("CANCELLED");

		feeds.serve(path, calendar(STAY_A.replace("DTEND;VALUE=DATE:20270109", "DTEND;VALUE=DATE:20270110")),
				"text/calendar");
		String changed = syncAndWait();
		assertThat(listing(changed, "status")).isEqualTo("success");
		assertThat(run(changed, "$.bookingsUpdated")).isEqualTo(1);
		assertThat(checkOut("a-stay@unchanged.example")).isEqualTo("2027-01-10");
		assertThat(property).isNotNull();
	}

	@Test
	void aCalendarWhoseApplyFailedIsReadAndAppliedAgain() throws Exception {
		resetChannels();
		String path = "/apply-fails-" + System.nanoTime() + ".ics";
		connect(feeds.url(path));
		String withC = calendar(STAY_A + STAY_C);
		feeds.serve(path, withC, "text/calendar");
		jdbc.sql("alter table bookings add constraint refuse_c_stay "
				+ "check (external_id is null or external_id <> 'c-stay@unchanged.example')")
			.update();
		String failed;
		try {
			failed = syncAndWait();
		}
		finally {
			jdbc.sql("alter table bookings drop constraint refuse_c_stay").update();
		}
		assertThat(listing(failed, "status")).isEqualTo("error");
		assertThat(listing(failed, "message")).contains("could not be stored");

		String again = syncAndWait();

		assertThat(listing(again, "status")).as("the same bytes, not remembered: read and applied")
			.isEqualTo("success");
		assertThat(run(again, "$.bookingsCreated")).isEqualTo(2);
		assertThat(statusOf("c-stay@unchanged.example")).isEqualTo("CONFIRMED");
	}

	static final String STAY_A = """
			BEGIN:VEVENT
			UID:a-stay@unchanged.example
			DTSTART;VALUE=DATE:20270105
			DTEND;VALUE=DATE:20270109
			SUMMARY:Reserved
			END:VEVENT
			""";

	static final String STAY_B = STAY_A.replace("a-stay", "b-stay")
		.replace("20270105", "20270201")
		.replace("20270109", "20270203");

	static final String STAY_C = STAY_A.replace("a-stay", "c-stay")
		.replace("20270105", "20270301")
		.replace("20270109", "20270303");

	private static String calendar(String events) {
		return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Unchanged//EN\n" + events + "END:VCALENDAR\n";
	}

	private String connect(String url) throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		String property = createProperty("Unchanged " + System.nanoTime(), "Europe/Lisbon", 2);
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"flat\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
						url)))
			.andExpect(status().isOk());
		return property;
	}

	private String syncAndWait() throws Exception {
		String run = JsonPath.read(mvc.perform(asAdmin(post("/api/integrations/booking_com/sync")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(JsonPath.read(body(run), "$.status")));
		return run;
	}

	private String body(String run) throws Exception {
		return mvc.perform(asAdmin(get("/api/syncs/" + run))).andReturn().getResponse().getContentAsString();
	}

	private String listing(String run, String field) throws Exception {
		return String.valueOf(JsonPath.<Object>read(body(run), "$.listings[0]." + field));
	}

	private int run(String run, String path) throws Exception {
		return JsonPath.<Integer>read(body(run), path);
	}

	private String statusOf(String externalId) {
		return jdbc.sql("select status from bookings where external_id = :id")
			.param("id", externalId)
			.query(String.class)
			.single();
	}

	private String checkOut(String externalId) {
		return jdbc.sql("select cast(check_out as varchar) from bookings where external_id = :id")
			.param("id", externalId)
			.query(String.class)
			.single();
	}

}
