package io.staysync.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's first hour, in a real browser: sign in, configure the iCal channel, map two
 * listings to two properties, sync, read the history, find the bookings on the calendar,
 * sign out. Screenshots of each page go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class ConsoleBrowserIntegrationTests extends ConsoleIntegrationTest {

	static FeedServer feeds;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startFeeds() throws IOException {
		feeds = new FeedServer();
		feeds.serve("/alfama.ics", FeedServer.icalFixture("airbnb-listing.ics"), "text/calendar");
		feeds.serve("/marais.ics", FeedServer.icalFixture("bookingcom-room.ics"), "text/calendar");
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
	}

	@Test
	void signInConfigureMapTwoListingsSyncSeeHistoryAndCalendarSignOut() throws Exception {
		resetChannels();
		createProperty("Alfama Loft " + System.nanoTime() % 1000, "Europe/Lisbon", 4);
		createProperty("Marais House " + System.nanoTime() % 1000, "Europe/Paris", 6);
		String base = "http://localhost:" + port;

		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
			wait.ignoring(org.openqa.selenium.InvalidElementStateException.class);

			page.get(base + "/integrations");
			wait.until(ExpectedConditions.urlContains("/login"));
			browser.screenshot("01-login");
			page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
			page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("/integrations"));

			// Configure the iCal channel in its dialog.
			page.findElement(By.id("configure-ical")).click();
			wait.until(d -> {
				WebElement interval = d.findElement(By.id("syncIntervalMinutes"));
				interval.clear();
				interval.sendKeys("60");
				return true;
			});
			browser.screenshot("02-configure-dialog");
			page.findElement(By.id("save-configuration")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("configured")));
			page.findElement(By.id("test-connection")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-outcome")));
			page.findElement(By.cssSelector("#dialog .modal-footer .btn-primary")).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));
			wait.until(ExpectedConditions.attributeToBe(By.id("integration-ical"), "data-status", "error"));

			// Map two listings, choosing each property by typing in the searchable
			// dropdown.
			page.findElement(By.id("sync-ical")).click();
			wait.until(d -> {
				d.findElement(By.name("rows[0].externalListingId")).sendKeys("alfama");
				return true;
			});
			choose(page, 0, "Alfama");
			page.findElement(By.name("rows[0].importUrl")).sendKeys(feeds.url("/alfama.ics"));
			page.findElement(By.id("add-mapping-row")).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.name("rows[1].externalListingId")))
				.sendKeys("marais");
			choose(page, 1, "Marais");
			page.findElement(By.name("rows[1].importUrl")).sendKeys(feeds.url("/marais.ics"));
			browser.screenshot("03-mapping-dialog");
			page.findElement(By.id("sync-now")).click();

			// The run is followed live in the dialog, then lands in the history without a
			// reload.
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapped")));
			wait.until(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sync-progress[data-status=success]")));
			assertThat(page.findElement(By.cssSelector(".sync-progress")).getText()).contains("5 new");
			browser.screenshot("04-sync-finished");
			page.findElement(By.cssSelector("#dialog .modal-footer .btn-primary")).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));
			WebElement run = wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("#history-ical tr.sync-run[data-status=success]")));
			assertThat(run.getText()).contains("manual");
			wait.until(ExpectedConditions.attributeToBe(By.id("integration-ical"), "data-status", "connected"));
			run.findElement(By.tagName("summary")).click();
			assertThat(run.getText()).contains("alfama", "marais");
			browser.screenshot("05-integrations");

			// The bookings are on the calendar; a click shows one.
			page.get(base + "/calendar?from=2027-01-01&to=2027-02-12");
			List<WebElement> booked = page.findElements(By.cssSelector("#timeline td.night-booked a"));
			assertThat(booked).isNotEmpty();
			assertThat(page.findElements(By.cssSelector("#timeline td.night-blocked"))).isNotEmpty();
			booked.get(0).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-summary")));
			browser.screenshot("06-calendar");

			page.get(base + "/");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attention-conflicts")));
			browser.screenshot("07-dashboard");
			browser.size(390, 844);
			page.get(base + "/bookings");
			browser.screenshot("08-phone-bookings");
			browser.size(1440, 1000);

			page.findElement(By.id("sign-out")).click();
			wait.until(ExpectedConditions.urlContains("/login?logout"));
			browser.screenshot("09-signed-out");
			page.get(base + "/calendar");
			wait.until(ExpectedConditions.urlContains("/login"));
		}
	}

	/**
	 * Types into the row's filter box and checks that the dropdown chose the matching
	 * property.
	 */
	private static void choose(WebDriver page, int row, String name) {
		WebElement select = page.findElement(By.name("rows[" + row + "].propertyId"));
		WebElement filter = select.findElement(By.xpath("preceding-sibling::input[@data-filter-for]"));
		filter.sendKeys(name);
		assertThat(new Select(select).getFirstSelectedOption().getText()).startsWith(name);
	}

}
