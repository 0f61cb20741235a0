package io.staysync.integrations.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import io.staysync.test.Browser;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mapping dialog of an integration with more listings than fit on one page, in a real
 * browser: paging, searching as one types, and a CSV import answered with its report,
 * after which the new listing is found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MappingDialogBrowserIntegrationTests extends ConsoleIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void theDialogPagesSearchesAndImportsACsvWithItsReport() throws Exception {
		resetChannels();
		String property = "Dialog Loft " + System.nanoTime();
		String propertyId = createProperty(property, "Europe/Lisbon", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{}")).andExpect(status().isOk());
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= 60; i++) {
			csv.append("dlg-%03d,%s,https://feeds.example/%d.ics\n".formatted(i, propertyId, i));
		}
		mvc.perform(asAdmin(post("/api/integrations/ical/mappings/import"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.content(csv.toString())).andExpect(status().isOk());
		Path upload = Files.createTempFile("mappings", ".csv");
		Files.writeString(upload, "listing id,property,feed url\r\nnew-1,\"" + property
				+ "\",https://feeds.example/new.ics\r\nbad-1,No Such Property,https://feeds.example/bad.ics\r\n",
				StandardCharsets.UTF_8);

		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
			wait.ignoring(StaleElementReferenceException.class);
			String base = "http://localhost:" + port;
			page.get(base + "/");
			page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
			page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(driver -> !driver.getCurrentUrl().contains("/login"));

			page.get(base + "/integrations");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("sync-ical"))).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-page-summary"),
					"Listings 1 to 25 of 60."));
			assertThat(firstListing(page)).isEqualTo("dlg-001");
			browser.screenshot("mapping-01-first-page");

			wait.until(ExpectedConditions.elementToBeClickable(By.id("mapping-next"))).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-page-summary"),
					"Listings 26 to 50 of 60."));
			assertThat(firstListing(page)).isEqualTo("dlg-026");

			page.findElement(By.id("mapping-search")).sendKeys("DLG-05");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-page-summary"),
					"Listings 1 to 10 of 10 matching \"DLG-05\"."));
			assertThat(firstListing(page)).isEqualTo("dlg-050");
			assertThat(page.findElements(By.id("mapping-pages"))).isEmpty();
			browser.screenshot("mapping-02-search");

			page.findElement(By.cssSelector("#mapping-import summary")).click();
			page.findElement(By.id("import-file")).sendKeys(upload.toAbsolutePath().toString());
			page.findElement(By.id("import-submit")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"),
					"2 rows: 1 new, 0 changed, 0 unchanged, 1 refused."));
			assertThat(page.findElement(By.id("import-refusals")).getText()).contains("bad-1",
					"no property is named 'No Such Property'");
			// The page of mappings under the search reloads by itself; the dialog stays.
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-page-summary"),
					"Listings 1 to 10 of 10 matching"));
			assertThat(page.findElements(By.id("dialog-title"))).hasSize(1);
			browser.screenshot("mapping-03-import-report");

			page.findElement(By.id("mapping-search")).clear();
			page.findElement(By.id("mapping-search")).sendKeys("new-");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mapping-page-summary"),
					"Listings 1 to 1 of 1 matching \"new-\"."));
			assertThat(firstListing(page)).isEqualTo("new-1");
		}
		Files.deleteIfExists(upload);
		assertThat(count("listing_mappings")).isEqualTo(61);
	}

	private static String firstListing(WebDriver page) {
		return page.findElement(By.cssSelector("#mapping-rows tbody [data-name=externalListingId]"))
			.getAttribute("value");
	}

}
