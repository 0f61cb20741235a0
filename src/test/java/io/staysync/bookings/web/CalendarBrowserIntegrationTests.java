package io.staysync.bookings.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.staysync.test.Browser;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar and the conflicts in a real browser, at a desktop (1440×900) and a phone
 * (390×844) width: a month fits without scrolling sideways, a range of nights selected on
 * a row becomes a block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarBrowserIntegrationTests extends ConsoleIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aMonthFitsADesktopAndARangeSelectedOnARowBecomesABlock() throws Exception {
		String property = createProperty("Desk Loft " + System.nanoTime() % 1000, "Europe/Lisbon", 4);
		createBooking(property, "2027-01-20", "2027-01-23", false);
		try (Browser browser = Browser.open()) {
			browser.size(1440, 900);
			WebDriver page = signedIn(browser);
			page.get(base() + "/calendar?month=2027-01&propertyId=" + property);
			assertThat(page.findElement(By.cssSelector("#timeline tr.months")).getText()).contains("January 2027");
			JavascriptExecutor js = (JavascriptExecutor) page;
			long overflow = (Long) js.executeScript(
					"var w = document.querySelector('.timeline-wrap'); return w.scrollWidth - w.clientWidth;");
			assertThat(overflow).as("pixels to scroll sideways for a month at 1440 px").isLessThanOrEqualTo(0);
			assertThat(page.findElement(By.id("calendar-list")).isDisplayed()).isFalse();

			selectAndBlock(browser, page, property, "2027-01-05", "2027-01-08", "10-calendar-selection-desktop");

			assertThat(page.findElement(By.id("flash")).getText()).contains("Blocked 4 nights");
			assertThat(nightState(page, property, "2027-01-05")).isEqualTo("blocked");
			assertThat(nightState(page, property, "2027-01-08")).isEqualTo("blocked");
			assertThat(nightState(page, property, "2027-01-09")).isEqualTo("free");
		}
	}

	@Test
	void onAPhoneEachPropertyListsItsStaysAndARangeStillBecomesABlock() throws Exception {
		String property = createProperty("Phone Loft " + System.nanoTime() % 1000, "Europe/Lisbon", 4);
		createBooking(property, "2027-02-10", "2027-02-13", false);
		try (Browser browser = Browser.open()) {
			browser.size(390, 844);
			WebDriver page = signedIn(browser);
			page.get(base() + "/calendar?month=2027-02&propertyId=" + property);
			WebElement list = page.findElement(By.id("calendar-list"));
			assertThat(list.isDisplayed()).isTrue();
			assertThat(list.getText()).contains("Phone Loft", "Wed 10 Feb → Sat 13 Feb", "3 nights", "booked");
			browser.screenshot("11-calendar-phone");

			selectAndBlock(browser, page, property, "2027-02-02", "2027-02-03", "12-calendar-selection-phone");

			assertThat(page.findElement(By.id("calendar-list")).getText()).contains("Tue 2 Feb → Thu 4 Feb", "blocked");
		}
	}

	@Test
	void aConflictIsResolvedFromItsPageAtBothWidths() throws Exception {
		try (Browser browser = Browser.open()) {
			WebDriver page = signedIn(browser);
			for (int[] size : new int[][] { { 1440, 900 }, { 390, 844 } }) {
				browser.size(size[0], size[1]);
				String property = createProperty("Clash Loft " + System.nanoTime() % 1000, "Europe/Lisbon", 4);
				createBooking(property, "2027-04-01", "2027-04-05", false);
				String manual = createBooking(property, "2027-04-03", "2027-04-06", true);
				String code = ConflictPagesIntegrationTests.code(manual);
				page.get(base() + "/conflicts?propertyId=" + property);
				WebElement side = page.findElement(By.cssSelector(".conflict-side[data-booking='" + manual + "']"));
				assertThat(side.getText()).contains(code, "Manual");
				browser.screenshot("13-conflict-" + size[0]);

				// The first answer to the confirmation is "no": nothing happens.
				side.findElement(By.cssSelector("button.cancel-manual")).click();
				page.switchTo().alert().dismiss();
				assertThat(page.findElements(By.cssSelector(".conflict"))).hasSize(1);
				side.findElement(By.cssSelector("button.cancel-manual")).click();
				page.switchTo().alert().accept();

				WebElement flash = new WebDriverWait(page, Duration.ofSeconds(10))
					.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
				assertThat(flash.getText()).contains(code, "the conflict is resolved");
				page.get(base() + "/conflicts?propertyId=" + property);
				assertThat(page.findElement(By.id("no-conflicts")).isDisplayed()).isTrue();
			}
		}
	}

	private void selectAndBlock(Browser browser, WebDriver page, String property, String first, String last,
			String screenshot) throws Exception {
		WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));
		click(page, property, first);
		click(page, property, last);
		WebElement bar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-selection")));
		assertThat(bar.getText()).contains(first + " to ");
		List<WebElement> selected = page.findElements(By.cssSelector("#timeline td.selected"));
		assertThat(selected).isNotEmpty();
		browser.screenshot(screenshot);
		page.findElement(By.id("block-selection")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
	}

	private static void click(WebDriver page, String property, String date) {
		WebElement cell = page.findElement(
				By.cssSelector("#timeline tr[data-property='" + property + "'] td[data-date='" + date + "'] a.free"));
		((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
				cell);
		cell.click();
	}

	private static String nightState(WebDriver page, String property, String date) {
		return page
			.findElement(By.cssSelector("#timeline tr[data-property='" + property + "'] td[data-date='" + date + "']"))
			.getAttribute("data-state");
	}

	private WebDriver signedIn(Browser browser) {
		WebDriver page = browser.driver();
		page.get(base() + "/login");
		page.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
		page.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		page.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(page, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
		return page;
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
