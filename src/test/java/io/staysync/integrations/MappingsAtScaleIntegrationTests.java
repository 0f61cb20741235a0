package io.staysync.integrations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An integration with thousands of mappings: one listing at a time, a paged and
 * searchable list, and CSV imports with a report per row, against malformed, hostile and
 * oversized input.
 */
class MappingsAtScaleIntegrationTests extends ApiIntegrationTest {

	private static final String MAPPINGS = "/api/integrations/ical/mappings";

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private String seaside;

	private String mountain;

	private String seasideName;

	@BeforeEach
	void iCalConfigured() throws Exception {
		resetChannels();
		seasideName = "Seaside Villa " + System.nanoTime();
		seaside = createProperty(seasideName, "Europe/Lisbon", 6);
		mountain = createProperty("Mountain Lodge " + System.nanoTime(), "Europe/Zurich", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{}")).andExpect(status().isOk());
	}

	@Test
	void oneListingIsMappedReplacedAndUnmappedAndEachChangeIsAudited() throws Exception {
		long audited = audited();
		putOne("room-1",
				"{\"propertyId\":\"%s\",\"importUrl\":\"https://feeds.example/room-1.ics?t=secret-1\"}"
					.formatted(seaside))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.externalListingId").value("room-1"))
			.andExpect(jsonPath("$.importUrlHost").value("feeds.example"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret-1"))));
		putOne("room-1", "{\"propertyId\":\"%s\"}".formatted(seaside)).andExpect(status().isOk());
		assertThat(audited()).as("a PUT that changes nothing is no change").isEqualTo(audited + 1);
		putOne("room-1", "{\"propertyId\":\"%s\"}".formatted(mountain)).andExpect(status().isOk())
			.andExpect(jsonPath("$.propertyId").value(mountain))
			.andExpect(jsonPath("$.importUrlConfigured").value(true));
		putOne("room-2", "{\"propertyId\":\"%s\",\"importUrl\":\"https://feeds.example/2.ics\"}".formatted(seaside))
			.andExpect(status().isCreated());
		mvc.perform(asAdmin(delete(MAPPINGS + "/room-1"))).andExpect(status().isNoContent());
		mvc.perform(asAdmin(delete(MAPPINGS + "/room-1")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'room-1' is not mapped")));
		assertThat(audited()).isEqualTo(audited + 4);
		assertThat(jdbc
			.sql("select details from audit_events where action = 'integration.mappings.changed'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single()).contains("removed", "room-1");
		mvc.perform(asAdmin(get(MAPPINGS)))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].externalListingId").value("room-2"));
	}

	@Test
	void oneListingIsCheckedLikeTheBulkPath() throws Exception {
		putOne("x", "{\"propertyId\":\"00000000-0000-0000-0000-000000000009\",\"importUrl\":\"https://a.example/x\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("propertyId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("does not exist")));
		for (String url : List.of("ftp://a.example/x.ics", "https://user:pw@a.example/x.ics", "not a url",
				"file:///etc/passwd", "gopher://a.example/")) {
			putOne("x", "{\"propertyId\":\"%s\",\"importUrl\":\"%s\"}".formatted(seaside, url))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("importUrl"));
		}
		putOne("x", "{\"propertyId\":\"%s\"}".formatted(seaside)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("needs the URL of its iCal feed")));
		putOne("x", "{\"propertyId\":\"not-a-uuid\"}").andExpect(status().isBadRequest());
		putOne("x", "[]").andExpect(status().isBadRequest());
		putOne("x".repeat(300), "{\"propertyId\":\"%s\",\"importUrl\":\"https://a.example/x\"}".formatted(seaside))
			.andExpect(status().isBadRequest());
		mvc.perform(asAdmin(put(MAPPINGS + "/x")).contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType());
		// A feed on a private address has an acceptable shape; the guarded client refuses
		// to
		// fetch it (PrivateFeedIntegrationTests), exactly as for the bulk path.
		putOne("inside", "{\"propertyId\":\"%s\",\"importUrl\":\"http://127.0.0.1:8080/x.ics\"}".formatted(seaside))
			.andExpect(status().isCreated());
		assertThat(count("listing_mappings")).isEqualTo(1);
	}

	@Test
	void onlyAdminsAndManagersChangeMappingsAndViewersRead() throws Exception {
		String viewer = "viewer" + System.nanoTime() + "@test.staysync.io";
		String manager = "manager" + System.nanoTime() + "@test.staysync.io";
		createUser(viewer, "Viewer-Passw0rd-1", "VIEWER");
		createUser(manager, "Manager-Passw0rd-1", "MANAGER");
		String asViewer = basic(viewer, "Viewer-Passw0rd-1");
		String asManager = basic(manager, "Manager-Passw0rd-1");
		String body = "{\"propertyId\":\"%s\",\"importUrl\":\"https://a.example/r.ics\"}".formatted(seaside);

		mvc.perform(json(put(MAPPINGS + "/r").header("Authorization", asViewer), body))
			.andExpect(status().isForbidden());
		mvc.perform(delete(MAPPINGS + "/r").header("Authorization", asViewer)).andExpect(status().isForbidden());
		mvc.perform(post(MAPPINGS + "/import").header("Authorization", asViewer)
			.contentType(CSV)
			.content("r," + seaside + ",https://a.example/r.ics")).andExpect(status().isForbidden());
		mvc.perform(put(MAPPINGS + "/r").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		assertThat(count("listing_mappings")).isZero();

		mvc.perform(json(put(MAPPINGS + "/r").header("Authorization", asManager), body))
			.andExpect(status().isCreated());
		mvc.perform(get(MAPPINGS).header("Authorization", asViewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].externalListingId").value("r"));
		mvc.perform(delete(MAPPINGS + "/r").header("Authorization", asManager)).andExpect(status().isNoContent());
	}

	@Test
	void twoThousandFiveHundredMappingsArePagedInAStableOrderAndSearched() throws Exception {
		StringBuilder csv = new StringBuilder("listing id,property,feed url\r\n");
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 2500; i++) {
			String listing = "L%04d".formatted(i);
			expected.add(listing);
			csv.append(listing)
				.append(',')
				.append(i % 2 == 0 ? seaside : mountain)
				.append(",https://")
				.append(i % 5 == 0 ? "feeds-b.example" : "feeds-a.example")
				.append("/")
				.append(i)
				.append(".ics\r\n");
		}
		importCsv(csv.toString(), false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2500));

		List<String> seen = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			String body = body(mvc.perform(asAdmin(get(MAPPINGS + "?size=500&page=" + page)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalElements").value(2500))
				.andExpect(jsonPath("$.totalPages").value(5))
				.andExpect(jsonPath("$.page").value(page)));
			seen.addAll(JsonPath.read(body, "$.content[*].externalListingId"));
		}
		assertThat(seen).containsExactlyElementsOf(expected);
		mvc.perform(asAdmin(get(MAPPINGS + "?size=500&page=5"))).andExpect(jsonPath("$.content.length()").value(0));

		mvc.perform(asAdmin(get(MAPPINGS + "?q=l00&size=500")))
			.andExpect(jsonPath("$.totalElements").value(99))
			.andExpect(jsonPath("$.content[0].externalListingId").value("L0001"));
		mvc.perform(asAdmin(get(MAPPINGS).param("q", seasideName.substring(0, 12).toUpperCase()).param("size", "10")))
			.andExpect(jsonPath("$.totalElements").value(1250))
			.andExpect(jsonPath("$.content[0].externalListingId").value("L0002"));
		mvc.perform(asAdmin(get(MAPPINGS + "?q=" + mountain)))
			.andExpect(jsonPath("$.totalElements").value(1250))
			.andExpect(jsonPath("$.content[0].propertyId").value(mountain));
		mvc.perform(asAdmin(get(MAPPINGS + "?q=FEEDS-B.example&size=3")))
			.andExpect(jsonPath("$.totalElements").value(500))
			.andExpect(jsonPath("$.content[0].externalListingId").value("L0005"))
			.andExpect(jsonPath("$.content[2].externalListingId").value("L0015"));
		mvc.perform(asAdmin(get(MAPPINGS).param("q", "%"))).andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(asAdmin(get(MAPPINGS).param("q", "L_00"))).andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(asAdmin(get(MAPPINGS + "?size=501"))).andExpect(status().isBadRequest());
		mvc.perform(asAdmin(get(MAPPINGS + "?page=-1"))).andExpect(status().isBadRequest());
		mvc.perform(asAdmin(get(MAPPINGS + "?size=abc"))).andExpect(status().isBadRequest());
	}

	@Test
	void aCsvImportReportsEveryRowAndABadRowNeverStopsTheGoodOnes() throws Exception {
		String twin = "Twin " + System.nanoTime();
		createProperty(twin, "Europe/Oslo", 2);
		createProperty(twin, "Europe/Oslo", 2);
		String csv = "\uFEFFProperty;Listing ID;Feed URL\r\n" // header in another order,
																// semicolons
				+ seasideName + ";a-1;https://feeds.example/a-1.ics?token=secret-a\r\n" + mountain
				+ ";\"b;2\";\"https://feeds.example/b.ics?x=1\"\r\n"
				+ "No Such Property;c-3;https://feeds.example/c.ics\r\n" + twin + ";d-4;https://feeds.example/d.ics\r\n"
				+ seaside + ";e-5;file:///etc/passwd\r\n" + seaside + ";f-6;\r\n" + seaside
				+ ";a-1;https://feeds.example/again.ics\r\n" + seaside + ";;https://feeds.example/empty.ics\r\n"
				+ seaside + ";\"quoted \"\"id\"\"\nwith a line break\";https://feeds.example/q.ics\r\n" + "\r\n"
				+ seaside + ";" + "z".repeat(300) + ";https://feeds.example/z.ics\r\n";
		String report = body(importCsv(csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.dryRun").value(false))
			.andExpect(jsonPath("$.rows").value(10))
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.refused").value(7)));
		assertThat(report).doesNotContain("secret-a", "passwd");
		assertThat(outcome(report, 2)).containsEntry("externalListingId", "a-1").containsEntry("outcome", "created");
		assertThat(outcome(report, 3)).containsEntry("externalListingId", "b;2").containsEntry("outcome", "created");
		assertThat(outcome(report, 4).get("reason")).isEqualTo("no property is named 'No Such Property'");
		assertThat(outcome(report, 5).get("reason"))
			.isEqualTo("2 properties are named '" + twin + "'; use the property's id");
		assertThat((String) outcome(report, 6).get("reason")).startsWith("the feed URL must be an http or https URL");
		assertThat((String) outcome(report, 7).get("reason")).contains("needs the URL of its iCal feed");
		assertThat(outcome(report, 8).get("reason")).isEqualTo("the listing is already in row 2");
		assertThat(outcome(report, 9).get("reason")).isEqualTo("the listing id is empty");
		assertThat(outcome(report, 10)).containsEntry("externalListingId", "quoted \"id\"\nwith a line break")
			.containsEntry("outcome", "created");
		assertThat(outcome(report, 11).get("reason")).isEqualTo("the listing id is longer than 255 characters");
		assertThat(count("listing_mappings")).isEqualTo(3);

		String again = "a-1," + seaside + ",https://feeds.example/a-1.ics?token=secret-a\nb;2," + seaside + "\nnew,"
				+ seaside + ",https://feeds.example/new.ics";
		String dry = body(importCsv(again, true).andExpect(jsonPath("$.dryRun").value(true)));
		assertThat(outcome(dry, 1)).containsEntry("outcome", "unchanged");
		assertThat(outcome(dry, 2)).containsEntry("outcome", "updated");
		assertThat(outcome(dry, 3)).containsEntry("outcome", "created");
		assertThat(count("listing_mappings")).as("a dry run stores nothing").isEqualTo(3);
		mvc.perform(asAdmin(get(MAPPINGS).param("q", "b;2")))
			.andExpect(jsonPath("$.content[0].propertyId").value(mountain));

		importCsv(again, false).andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.created").value(1));
		mvc.perform(asAdmin(get(MAPPINGS).param("q", "b;2")))
			.andExpect(jsonPath("$.content[0].propertyId").value(seaside));
	}

	@Test
	void hostileFilesAreAnsweredClearly() throws Exception {
		String good = "good-1," + seaside + ",https://feeds.example/1.ics\ngood-2," + seaside
				+ ",https://feeds.example/2.ics\n";
		importCsv(
				good + "\"never closed," + seaside + ",https://feeds.example/3.ics\nlost," + seaside + ",https://x/\n",
				false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.stoppedAt").value(containsString("malformed after row 2")));

		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		mvc.perform(asAdmin(post(MAPPINGS + "/import")).contentType(CSV).content(garbage))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0));

		String huge = "\"" + "h".repeat(2_000_000) + "\"," + seaside + ",https://feeds.example/h.ics\nafter-huge,"
				+ seaside + ",https://feeds.example/a.ics\n";
		importCsv(huge, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.rowReports[0].outcome").value("refused"))
			.andExpect(jsonPath("$.rowReports[0].externalListingId").value(org.hamcrest.Matchers.hasLength(100)))
			.andExpect(jsonPath("$.rowReports[1].outcome").value("created"));

		mvc.perform(json(asAdmin(post(MAPPINGS + "/import")), "[]"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(asAdmin(post(MAPPINGS + "/import")).contentType(CSV).content("listing id,feed url\nx,y\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("header"));
		mvc.perform(asAdmin(post("/api/integrations/airbnb/mappings/import")).contentType(CSV).content(good))
			.andExpect(status().isConflict());
	}

	@Test
	void tenThousandRowsImportAndOversizedInputIsRefusedWhole() throws Exception {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			csv.append("bulk-")
				.append(i)
				.append(',')
				.append(seaside)
				.append(",https://feeds.example/")
				.append(i)
				.append(".ics\n");
		}
		importCsv(csv.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(10_000))
			.andExpect(jsonPath("$.refused").value(0));
		assertThat(count("listing_mappings")).isEqualTo(10_000);

		MockMultipartFile upload = new MockMultipartFile("file", "more.csv", "text/csv",
				("upload-1," + seaside + ",https://feeds.example/u.ics\r\n").getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart(MAPPINGS + "/import").file(upload)
			.header("Authorization", basic(ADMIN_EMAIL, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));

		StringBuilder tooMany = new StringBuilder();
		for (int i = 0; i <= 50_000; i++) {
			tooMany.append('r').append(i).append(",p\n");
		}
		importCsv(tooMany.toString(), false).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("at most 50000 rows")));
		byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(tooBig, (byte) 'a');
		mvc.perform(asAdmin(post(MAPPINGS + "/import")).contentType(CSV).content(tooBig))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("larger than the limit of 10485760 bytes")));
		assertThat(count("listing_mappings")).isEqualTo(10_001);

		StringBuilder bulk = new StringBuilder("[");
		for (int i = 0; i <= 5000; i++) {
			bulk.append(i == 0 ? "" : ",")
				.append("{\"externalListingId\":\"j")
				.append(i)
				.append("\",\"propertyId\":\"")
				.append(seaside)
				.append("\"}");
		}
		mvc.perform(json(asAdmin(put(MAPPINGS)), bulk.append(']').toString()))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("at most 5000 mappings; this one has 5001")))
			.andExpect(jsonPath("$.detail").value(containsString("/mappings/import")));
	}

	private ResultActions putOne(String listing, String body) throws Exception {
		return mvc.perform(json(asAdmin(put(MAPPINGS + "/{listing}", listing)), body));
	}

	private ResultActions importCsv(String csv, boolean dryRun) throws Exception {
		return mvc.perform(asAdmin(post(MAPPINGS + "/import?dryRun=" + dryRun)).contentType(CSV)
			.content(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private static java.util.Map<String, Object> outcome(String report, long row) {
		List<java.util.Map<String, Object>> rows = JsonPath.read(report, "$.rowReports[?(@.row == " + row + ")]");
		assertThat(rows).as("row %d is reported", row).hasSize(1);
		return rows.get(0);
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_events where action = 'integration.mappings.changed'")
			.query(Long.class)
			.single();
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
