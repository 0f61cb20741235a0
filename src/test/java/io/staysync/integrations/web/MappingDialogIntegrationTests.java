package io.staysync.integrations.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mapping dialog of a big integration: one page of the mappings at a time, a search,
 * saving a page changes that page only, and a CSV import answered with its report.
 */
class MappingDialogIntegrationTests extends ConsoleIntegrationTest {

	private MockHttpSession admin;

	private String loft;

	@BeforeEach
	void sixtyListingsMapped() throws Exception {
		resetChannels();
		admin = admin();
		loft = createProperty("Dialog Loft " + System.nanoTime(), "Europe/Lisbon", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{}")).andExpect(status().isOk());
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= 60; i++) {
			csv.append("dlg-%03d,%s,https://feeds.example/%d.ics\n".formatted(i, loft, i));
		}
		mvc.perform(asAdmin(post("/api/integrations/ical/mappings/import"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.content(csv.toString())).andExpect(status().isOk());
	}

	@Test
	void theDialogShowsAPageAndSearches() throws Exception {
		String dialog = page(admin, "/integrations/ical/mapping");
		assertThat(dialog)
			.contains("Listings 1 to 25 of 60.", "value=\"dlg-001\"", "value=\"dlg-025\"", "id=\"mapping-next\"")
			.doesNotContain("value=\"dlg-026\"", "feeds.example/1.ics");
		String third = page(admin, "/integrations/ical/mapping/page?page=2");
		assertThat(third).contains("Listings 51 to 60 of 60.", "value=\"dlg-060\"").doesNotContain("value=\"dlg-050\"");
		String found = page(admin, "/integrations/ical/mapping/page?q=DLG-05");
		assertThat(found).contains("Listings 1 to 10 of 10 matching &quot;DLG-05&quot;.")
			.doesNotContain("mapping-next");
		assertThat(page(admin, "/integrations/ical/mapping/page?q=nothing-like-it"))
			.contains("No mapped listing matches &quot;nothing-like-it&quot;.");
	}

	@Test
	void savingAPageChangesThatPageOnly() throws Exception {
		MockHttpServletRequestBuilder save = htmx(form("/integrations/ical/mapping", admin)).param("paged", "true");
		for (int i = 1; i <= 25; i++) {
			save.param("shown", "dlg-%03d".formatted(i));
		}
		// The page's first listing removed, the second kept, a new one added; the other
		// rows of the page left as shown.
		int row = 0;
		for (int i = 2; i <= 25; i++) {
			save.param("rows[" + row + "].externalListingId", "dlg-%03d".formatted(i))
				.param("rows[" + row + "].propertyId", loft);
			row++;
		}
		save.param("rows[" + row + "].externalListingId", "added")
			.param("rows[" + row + "].propertyId", loft)
			.param("rows[" + row + "].importUrl", "https://feeds.example/added.ics");
		String saved = mvc.perform(save)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(saved).contains("Mapping saved: 60 listings.");
		assertThat(count("listing_mappings where external_listing_id = 'dlg-001'")).isZero();
		assertThat(count("listing_mappings where external_listing_id in ('dlg-002', 'dlg-060', 'added')")).isEqualTo(3);
	}

	@Test
	void aCsvFileIsImportedWithItsReportAndViewersCannot() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "listings.csv", "text/csv",
				("listing id,property,feed url\r\nnew-1," + loft + ",https://feeds.example/new.ics?t=secret\r\n"
						+ "bad-1,No Such Property,https://feeds.example/bad.ics\r\n")
					.getBytes(StandardCharsets.UTF_8));
		String report = mvc
			.perform(multipart("/integrations/ical/mapping/import").file(file)
				.session(admin)
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report)
			.contains("2 rows: 1 new, 0 changed, 0 unchanged, 1 refused.", "bad-1",
					"no property is named &#39;No Such Property&#39;")
			.doesNotContain("secret");
		assertThat(count("listing_mappings")).isEqualTo(61);

		String dry = mvc
			.perform(multipart("/integrations/ical/mapping/import").file(file)
				.param("dryRun", "true")
				.session(admin)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(dry).contains("Checked only, nothing stored: 2 rows: 0 new, 0 changed, 1 unchanged, 1 refused.");
		assertThat(mvc.perform(multipart("/integrations/ical/mapping/import").session(admin).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Choose a CSV file to import.");

		MockHttpSession viewer = as("VIEWER");
		mvc.perform(multipart("/integrations/ical/mapping/import").file(file).session(viewer).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(count("listing_mappings")).isEqualTo(61);
	}

}
