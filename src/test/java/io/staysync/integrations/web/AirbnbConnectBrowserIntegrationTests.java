package io.staysync.integrations.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.Browser;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator connects Airbnb in a real browser against this instance's Airbnb
 * sandbox: Connect Airbnb on the card, the sandbox's consent page, Allow, and back on the
 * integrations page with the account connected; then one of the account's listings, as
 * the mapping dialog offers them, is picked and mapped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true", "staysync.sandbox.airbnb.enabled=true",
		"staysync.channels.airbnb.sandbox=true", "staysync.scheduler.enabled=false" })
class AirbnbConnectBrowserIntegrationTests extends ConsoleIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void connectAirbnbConsentAllowAndBackConnectedWithTheAccount() throws Exception {
		resetChannels();
		mvc.perform(json(asAdmin(post("/api/integrations/airbnb/configure")),
				"{\"apiKey\":\"staysync-browser-client-0001\",\"apiSecret\":\"sandbox-secret\",\"mode\":\"api\"}"))
			.andExpect(status().isOk());
		String property = "Garden Studio " + System.nanoTime();
		createProperty(property, "Europe/Lisbon", 2);
		String base = "http://localhost:" + port;

		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
			wait.ignoring(StaleElementReferenceException.class);
			page.get(base + "/login");
			page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
			page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			page.findElement(By.cssSelector("form button[type=submit]")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			page.get(base + "/integrations");
			assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-airbnb"))).getText())
				.contains("Not connected");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("oauth-connect-airbnb"))).click();

			wait.until(ExpectedConditions.urlContains("/sandbox/airbnb/oauth2/auth"));
			assertThat(page.getPageSource()).contains("Allow access to your Airbnb account?");
			page.findElement(By.id("allow")).click();

			wait.until(ExpectedConditions.urlToBe(base + "/integrations"));
			assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash"))).getText())
				.contains("Airbnb is connected", "1603070");
			String connection = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-airbnb")))
				.getText();
			assertThat(connection).contains("Connected", "1603070", "valid for another");
			assertThat(page.findElement(By.id("oauth-connect-airbnb")).getText()).isEqualTo("Reconnect");
			browser.screenshot("airbnb-connected");

			// The mapping dialog offers the account's listings: Add fills the listing id.
			wait.until(ExpectedConditions.elementToBeClickable(By.id("sync-airbnb"))).click();
			By garden = By.cssSelector("#account-listing-table button[data-listing='51234568']");
			wait.until(ExpectedConditions.elementToBeClickable(garden)).click();
			assertThat(page.findElement(By.name("rows[0].externalListingId")).getAttribute("value"))
				.isEqualTo("51234568");
			assertThat(page.findElement(garden).isEnabled()).as("offered once").isFalse();
			new Select(page.findElement(By.name("rows[0].propertyId"))).selectByVisibleText(property);
			browser.screenshot("airbnb-account-listings");
			page.findElement(By.id("sync-now")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapped")));
		}
		assertThat(jdbc.sql("select status from integrations where type = 'airbnb'").query(String.class).single())
			.isEqualTo("connected");
		assertThat(jdbc.sql("select external_listing_id from listing_mappings").query(String.class).list())
			.containsExactly("51234568");
	}

}
