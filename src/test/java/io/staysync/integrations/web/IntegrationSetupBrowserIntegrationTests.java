package io.staysync.integrations.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.Browser;
import io.staysync.test.ConsoleIntegrationTest;
import io.staysync.test.FeedServer;

import static io.staysync.test.Browser.clickOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new manager finishing the set-up in a real browser, on a desktop and on a phone: the
 * getting-started checklist, a connection test answered inside its dialog, a listing
 * mapped and synced, its export link copied from the card and read like a channel reads
 * it, and the checklist gone once every step is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class IntegrationSetupBrowserIntegrationTests extends ConsoleIntegrationTest {

	static FeedServer feeds;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
		feeds.serve("/setup.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "1440, 900", "390, 844" })
	void checklistConnectionTestExportLinkCopiedAndFetchedChecklistGone(int width, int height) throws Exception {
		resetChannels();
		String property = "Setup Loft " + width + " " + System.nanoTime() % 1000;
		createProperty(property, "Europe/Lisbon", 4);
		String base = "http://localhost:" + port;
		String shot = "setup-" + width + "-";

		try (Browser browser = Browser.open()) {
			browser.size(width, height);
			WebDriver page = browser.driver();
			// htmx swaps parts of the page while a run is followed: an element read
			// during a swap
			// is looked up again instead of failing the walk.
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
			wait.ignoring(StaleElementReferenceException.class);
			wait.ignoring(InvalidElementStateException.class);

			page.get(base + "/");
			page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
			page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			WebElement checklist = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("getting-started")));
			assertThat(checklist.getText()).contains("Connect a channel", "Paste the export link");
			assertThat(checklist.findElement(By.cssSelector("[data-step=channel]")).getAttribute("data-done"))
				.isEqualTo("false");
			browser.screenshot(shot + "01-checklist");

			// The connection test answers inside the configure dialog, before anything is
			// saved.
			page.get(base + "/integrations");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("configure-ical"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("test-connection"))).click();
			WebElement outcome = wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#dialog #test-result #test-outcome")));
			assertThat(outcome.getText()).contains("Connection failed.",
					"Tested the values in the form; they are not saved yet.");
			assertThat(page.findElement(By.id("apiKey")).isDisplayed()).isFalse();
			browser.screenshot(shot + "02-test-in-dialog");
			WebElement interval = page.findElement(By.id("syncIntervalMinutes"));
			interval.clear();
			interval.sendKeys("60");
			page.findElement(By.id("save-configuration")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("configured")));
			closeDialog(wait);
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));

			// Map one listing and sync it.
			wait.until(ExpectedConditions.elementToBeClickable(By.id("sync-ical"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.name("rows[0].externalListingId")))
				.sendKeys("vrbo-" + width);
			new Select(page.findElement(By.name("rows[0].propertyId"))).selectByVisibleText(property);
			page.findElement(By.name("rows[0].importUrl")).sendKeys(feeds.url("/setup.ics"));
			page.findElement(By.id("sync-now")).click();
			wait.until(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sync-progress[data-status=success]")));
			closeDialog(wait);
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));

			// The export link, copied from the card, serves the property's calendar.
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-ical-0")));
			By copy = By.cssSelector("#integration-ical .copy-export");
			clickOnce(wait, copy);
			wait.until(ExpectedConditions.attributeToBe(copy, "data-copied", "true"));
			String url = page.findElement(By.id("export-ical-0")).getAttribute("value");
			assertThat(url).startsWith(base + "/ical/").endsWith(".ics");
			assertThat(page.findElement(By.cssSelector("#integration-ical .export-links")).getText())
				.contains("not read by the channel yet");
			browser.screenshot(shot + "03-export-link");
			HttpResponse<String> feed = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(feed.statusCode()).isEqualTo(200);
			assertThat(feed.body()).contains("BEGIN:VCALENDAR", "END:VCALENDAR");

			// Sync now follows the run in a dialog whose title says how it ended.
			wait.until(ExpectedConditions.elementToBeClickable(By.id("sync-now-ical"))).click();
			wait.until(ExpectedConditions.textToBe(By.id("run-title"), "Sync finished"));
			closeDialog(wait);
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));

			// Regenerating asks first, then the card shows a new link that the channel
			// has not read.
			clickOnce(wait, By.cssSelector("#integration-ical .regenerate-export"));
			Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
			assertThat(confirm.getText()).contains("The old link stops working at once");
			confirm.accept();
			wait.until(d -> !url.equals(d.findElement(By.id("export-ical-0")).getAttribute("value")));
			assertThat(page.findElement(By.cssSelector("#integration-ical .export-links")).getText())
				.contains("not read by the channel yet");
			String fresh = page.findElement(By.id("export-ical-0")).getAttribute("value");
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(fresh)).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);

			// Every step is done: the dashboard shows no checklist any more.
			page.get(base + "/");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attention-integrations")));
			wait.until(ExpectedConditions.numberOfElementsToBe(By.id("getting-started-slot"), 0));
			assertThat(page.findElements(By.id("getting-started"))).isEmpty();
			assertThat(page.findElement(By.id("attention-integrations")).getText())
				.contains("Every configured channel is syncing");
			browser.screenshot(shot + "04-dashboard-done");
		}
	}

	/**
	 * The dialog's footer is swapped by htmx while a run is followed: a button found just
	 * before a swap is gone when clicked, so the click is tried again on the fresh one
	 * (the wait ignores stale elements).
	 */
	private static void closeDialog(WebDriverWait wait) {
		clickOnce(wait, By.cssSelector("#dialog .modal-footer .btn-primary"));
	}

}
