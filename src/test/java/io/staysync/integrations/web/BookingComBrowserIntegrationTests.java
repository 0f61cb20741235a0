package io.staysync.integrations.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation;
import io.staysync.channels.sandbox.bookingcom.SandboxReservation.Room;
import io.staysync.test.Browser;
import io.staysync.test.ConsoleIntegrationTest;

import static io.staysync.test.Browser.clickOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager in a real browser with Booking.com connected in API mode to the sandbox: a
 * guest books a room type nobody mapped, "Sync now" leaves it waiting on the card (and on
 * the dashboard) with what to map, "Map" opens the mapping dialog with that room filled
 * in, saving it syncs again, the booking arrives and the waiting line goes, and the run's
 * page names the RUIDs to quote to Booking.com's support.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.http.allow-private-addresses=true",
		"staysync.sandbox.booking-com.enabled=true", "staysync.channels.booking-com.sandbox=true",
		"staysync.channels.booking-com.pause-after-acknowledgement=0s", "staysync.scheduler.enabled=false" })
class BookingComBrowserIntegrationTests extends ConsoleIntegrationTest {

	static final String DOUBLE = "4410021-77120001";

	static final String SUITE = "4410021-77120002";

	@LocalServerPort
	int port;

	@Autowired
	BookingComSandbox sandbox;

	@Test
	void aReservationForAnUnmappedRoomWaitsIsMappedFromTheCardAndArrives() throws Exception {
		resetChannels();
		sandbox.reset();
		String suffix = String.valueOf(System.nanoTime() % 100000);
		String loft = createProperty("Canal Loft " + suffix, "Europe/Amsterdam", 4);
		String suiteName = "Garden Suite " + suffix;
		createProperty(suiteName, "Europe/Amsterdam", 4);
		mvc.perform(json(asAdmin(post("/api/integrations/booking_com/configure")),
				"{\"mode\":\"api\",\"apiKey\":\"machine-account\",\"apiSecret\":\"sandbox-secret\",\"isActive\":true}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/booking_com/mappings")),
				"[{\"externalListingId\":\"%s\",\"propertyId\":\"%s\"}]".formatted(DOUBLE, loft)))
			.andExpect(status().isOk());
		LocalDate arrival = LocalDate.now().plusDays(21);
		sandbox.queueNew(new SandboxReservation("8801", "4410021",
				List.of(new Room(1, "77120002", arrival, 2, 2, 14500)), "Mila", "Verhoeven"));
		String base = "http://localhost:" + port;
		By waitingLine = By.cssSelector("#integration-booking_com .waiting-reservation[data-reservation='8801']");

		try (Browser browser = Browser.open()) {
			WebDriver page = browser.driver();
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(45));
			wait.ignoring(StaleElementReferenceException.class);
			wait.ignoring(InvalidElementStateException.class);
			page.get(base + "/");
			page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
			page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
			page.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attention-integrations")));

			// Booking.com in API mode, pulled; Sync now leaves the reservation waiting.
			page.get(base + "/integrations");
			WebElement card = wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("integration-booking_com")));
			assertThat(card.getText()).contains("Partner API");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("integration-booking_com"),
					"Reservations are pulled every 30 s"));
			clickOnce(wait, By.id("sync-now-booking_com"));
			wait.until(ExpectedConditions.textToBe(By.id("run-title"), "Sync finished, some listings failed"));
			closeDialog(wait);
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));
			WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(waitingLine));
			assertThat(line.getText()).contains(SUITE, "8801");
			assertThat(page.findElement(By.id("integration-booking_com")).getText())
				.contains("1 reservation waits for a mapping");
			assertThat(page.findElement(By.id("integration-booking_com")).getAttribute("data-status"))
				.isEqualTo("connected");
			browser.screenshot("bookingcom-01-waiting");
			assertThat(sandbox.state(true, "8801")).isEqualTo("DELIVERED");

			// The dashboard counts it.
			page.get(base + "/");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attention-integrations"),
					"Booking.com: 1 reservation waits for a mapping"));

			// Map: the dialog has the room as a new row; choosing its property and saving
			// syncs again.
			page.get(base + "/integrations");
			clickOnce(wait, By
				.cssSelector("#integration-booking_com .waiting-reservation[data-reservation='8801'] .map-waiting"));
			WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.to-map")));
			assertThat(row.findElement(By.cssSelector("input[data-name=externalListingId]")).getAttribute("value"))
				.isEqualTo(SUITE);
			new Select(row.findElement(By.cssSelector("select[data-name=propertyId]"))).selectByVisibleText(suiteName);
			browser.screenshot("bookingcom-02-map-dialog");
			clickOnce(wait, By.id("sync-now"));
			wait.until(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sync-progress[data-status=success]")));
			String runPage = wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dialog .run-details")))
				.getAttribute("href");
			closeDialog(wait);
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog")));
			wait.until(ExpectedConditions.numberOfElementsToBe(waitingLine, 0));
			browser.screenshot("bookingcom-03-mapped");
			assertThat(sandbox.state(true, "8801")).isEqualTo("ACKNOWLEDGED");

			// The booking is there.
			page.get(base + "/bookings?q=Verhoeven");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), suiteName));

			// The run's page names the RUIDs stored with its listings.
			page.get(runPage);
			List<WebElement> ruids = wait.until(
					ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#run-listings .request-id")));
			String stored = jdbc
				.sql("select channel_request_ids from sync_run_listings where sync_run_id = :r order by position"
						+ " limit 1")
				.param("r", UUID.fromString(runPage.substring(runPage.lastIndexOf('/') + 1)))
				.query(String.class)
				.single();
			assertThat(ruids).isNotEmpty();
			assertThat(stored.split(" ")).contains(ruids.get(0).getText());
			assertThat(page.findElement(By.id("run-listings")).getText()).contains("Booking.com request ids (RUIDs)",
					SUITE);
			browser.screenshot("bookingcom-04-run-page");
		}
	}

	private static void closeDialog(WebDriverWait wait) {
		clickOnce(wait, By.cssSelector("#dialog .modal-footer .btn-primary"));
	}

}
