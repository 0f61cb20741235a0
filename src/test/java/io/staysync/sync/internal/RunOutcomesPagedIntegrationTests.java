package io.staysync.sync.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.sync.SyncStatus;
import io.staysync.sync.SyncTrigger;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A finished run's outcomes are written beside it when it is saved, once, and read a page
 * at a time: the run page with the failures first, the API in run order or failures
 * first.
 */
class RunOutcomesPagedIntegrationTests extends ConsoleIntegrationTest {

	@Autowired
	SyncRunRepository runs;

	@Test
	void aBigRunIsSavedOnceAndShownAPageAtATimeWithTheFailuresFirst() throws Exception {
		resetChannels();
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{}")).andExpect(status().isOk());
		UUID integration = jdbc.sql("select id from integrations where type = 'ical'").query(UUID.class).single();
		List<ListingOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			outcomes.add(i == 7 || i == 1500 || i == 2999 ? ListingOutcome.failed("room-" + i, null, "feed gone " + i)
					: new ListingOutcome("room-" + i, null, ListingStatus.SUCCESS, 1, 0, 0, 0, 0, null));
		}
		SyncRun run = runs.save(SyncRun.start(integration, SyncTrigger.MANUAL, Instant.now()));
		run.finish(outcomes, Instant.now());
		runs.save(run);
		runs.save(run);

		assertThat(count("sync_run_listings")).as("a second save writes nothing again").isEqualTo(3000);
		assertThat(runs.findById(run.id()).orElseThrow().status()).isEqualTo(SyncStatus.PARTIAL);
		assertThat(runs.findById(run.id()).orElseThrow().created()).isEqualTo(2997);

		mvc.perform(asAdmin(get("/api/syncs/" + run.id() + "?listingsSize=100&failuresFirst=true")))
			.andExpect(jsonPath("$.listings.length()").value(100))
			.andExpect(jsonPath("$.listings[0].externalListingId").value("room-7"))
			.andExpect(jsonPath("$.listings[1].externalListingId").value("room-1500"))
			.andExpect(jsonPath("$.listings[2].externalListingId").value("room-2999"))
			.andExpect(jsonPath("$.listings[3].externalListingId").value("room-0"))
			.andExpect(jsonPath("$.listingsPage.totalElements").value(3000))
			.andExpect(jsonPath("$.listingsPage.failed").value(3))
			.andExpect(jsonPath("$.listingsPage.totalPages").value(30));
		mvc.perform(asAdmin(get("/api/syncs/" + run.id() + "?listingsPage=2&listingsSize=1000")))
			.andExpect(jsonPath("$.listings[0].externalListingId").value("room-2000"))
			.andExpect(jsonPath("$.listings[999].status").value("error"));
		mvc.perform(asAdmin(get("/api/syncs/" + run.id())))
			.andExpect(jsonPath("$.listings.length()").value(500))
			.andExpect(jsonPath("$.listings[7].status").value("error"));
		mvc.perform(asAdmin(get("/api/syncs/" + run.id() + "?listingsSize=1001"))).andExpect(status().isBadRequest());
		mvc.perform(asAdmin(get("/api/integrations/ical/syncs")))
			.andExpect(jsonPath("$.content[0].listings.length()").value(20))
			.andExpect(jsonPath("$.content[0].listingsPage.totalElements").value(3000));

		MockHttpSession admin = admin();
		String first = page(admin, "/syncs/" + run.id());
		List<String> shown = listings(first);
		assertThat(shown).hasSize(50);
		assertThat(shown.subList(0, 4)).containsExactly("room-7", "room-1500", "room-2999", "room-0");
		assertThat(first).contains("3000 listings, 3 failed", "Page 1 of 60");
		String last = page(admin, "/syncs/" + run.id() + "?page=59");
		assertThat(listings(last)).hasSize(50).last().isEqualTo("room-2998");
		assertThat(last).contains("Page 60 of 60");
	}

	private static List<String> listings(String html) {
		List<String> ids = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("data-listing=\"([^\"]+)\"").matcher(html);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

}
