package io.staysync.integrations.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import io.staysync.channels.sandbox.SandboxFaults;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox;
import io.staysync.test.AirbnbSandboxConsent;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mapping dialog of Airbnb in API mode offers the listings of the connected account,
 * read from the Airbnb sandbox over real HTTP: each with its id and name, the ones
 * already mapped named with their property; when Airbnb cannot answer, the dialog says
 * why and the ids can still be typed. Channels that cannot list their account's listings
 * offer none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.airbnb.enabled=true",
		"staysync.channels.airbnb.sandbox=true", "staysync.integrations.public-url=",
		"staysync.scheduler.enabled=false" })
class AccountListingsPageIntegrationTests extends ConsoleIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AirbnbSandbox sandbox;

	MockHttpSession admin;

	String loft;

	@BeforeEach
	void airbnbConnectedToTheSandboxWithOneListingMapped() throws Exception {
		resetChannels();
		sandbox.reset();
		admin = admin();
		loft = "Cliff Loft " + System.nanoTime();
		String property = createProperty(loft, "Europe/Lisbon", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"staysync-listing-client\",\"apiSecret\":\"sandbox-secret\"}"))
			.andExpect(status().isOk());
		AirbnbSandboxConsent.connect(mvc, admin, port);
		mvc.perform(json(asAdmin(put("/api/integrations/airbnb/mappings")),
				"[{\"externalListingId\":\"51234567\",\"propertyId\":\"%s\"}]".formatted(property)))
			.andExpect(status().isOk());
	}

	@Test
	void theDialogOffersTheAccountsListingsAndSaysWhichAreMapped() throws Exception {
		String dialog = page(admin, "/integrations/airbnb/mapping");
		assertThat(dialog).contains("hx-get=\"/integrations/airbnb/account-listings\"", "hx-target=\"this\"",
				"list=\"account-listing-ids\"", "Reading the listings of your Airbnb account");

		String offered = page(as("MANAGER"), "/integrations/airbnb/account-listings");

		assertThat(offered).contains("Listings of your Airbnb account", "<datalist id=\"account-listing-ids\">");
		assertThat(row(offered, "51234567")).contains("Harbour Loft", loft).doesNotContain("Add");
		assertThat(row(offered, "51234568")).contains("Garden Studio", "Not mapped", "data-add-row=\"#mapping-rows\"",
				"data-listing=\"51234568\"");
		assertThat(offered).contains("<option value=\"51234567\">Harbour Loft (mapped to " + loft + ")</option>",
				"<option value=\"51234568\">Garden Studio</option>");
		assertThat(sandbox.listings()).as("what the sandbox's account has").hasSize(2);
	}

	@Test
	void aListingAddedOnAirbnbIsOfferedTheNextTimeItsNameEscaped() throws Exception {
		sandbox.listing(51234599L, "<b>Dune</b> & Sea");

		String offered = page(admin, "/integrations/airbnb/account-listings");

		assertThat(row(offered, "51234599")).contains("&lt;b&gt;Dune&lt;/b&gt; &amp; Sea", "Not mapped")
			.doesNotContain("<b>Dune</b>");
	}

	@Test
	void anAnswerAirbnbCutsShortIsSaidInTheConsolesWordsAndTypingStillWorks() throws Exception {
		sandbox.faults(new SandboxFaults(Duration.ZERO, 0, 429, Duration.ZERO, 0, 0, 1));

		String offered = page(admin, "/integrations/airbnb/account-listings");

		assertThat(offered)
			.contains("id=\"account-listings-problem\"", "The listings of your Airbnb account could not be read.",
					"not complete JSON", "Type each listing's id below instead.")
			.doesNotContain("<datalist");
		sandbox.faults(SandboxFaults.none());
		assertThat(page(admin, "/integrations/airbnb/mapping")).contains("data-name=\"externalListingId\"",
				"value=\"51234567\"");
	}

	@Test
	void aRevokedAuthorizationSaysToConnectAgainAndShowsNoToken() throws Exception {
		sandbox.revokeAuthorizations();

		String offered = page(admin, "/integrations/airbnb/account-listings");

		assertThat(offered).contains("could not be read", "Connect Airbnb again").doesNotContain("<datalist");
		assertThat(offered).doesNotContainPattern("[0-9a-f]{32}");
	}

	@Test
	void channelsThatCannotListTheirAccountsListingsOfferNone() throws Exception {
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"secret\"}"))
			.andExpect(status().isOk());

		for (String type : new String[] { "airbnb", "booking_com" }) {
			assertThat(page(admin, "/integrations/" + type + "/mapping")).contains("id=\"mapping-rows\"")
				.doesNotContain("account-listings", "list=\"account-listing-ids\"");
		}
		assertThat(page(admin, "/integrations/airbnb/account-listings")).contains("could not be read",
				"cannot list its account");
		mvc.perform(get("/integrations/airbnb/account-listings").session(as("VIEWER")))
			.andExpect(status().isForbidden());
	}

	/** The row of the offered listing with this id. */
	private static String row(String html, String id) {
		int start = html.indexOf("data-listing=\"" + id + "\"");
		assertThat(start).as("listing " + id + " is offered").isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

}
