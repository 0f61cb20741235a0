package io.staysync.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, with the distribution's {@code chromium} and
 * {@code chromedriver} (no download at test time). Where they are missing the browser
 * tests are skipped with a message, unless {@code STAYSYNC_REQUIRE_BROWSER=true} (CI),
 * which makes a missing browser a failure.
 */
public final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	public static Browser open() throws IOException {
		File chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
		File chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		if (chromium == null || chromedriver == null) {
			String message = "Browser tests need chromium and chromedriver (Debian: apt-get install chromium chromium-driver)";
			if (Boolean.parseBoolean(System.getenv("STAYSYNC_REQUIRE_BROWSER"))) {
				throw new IllegalStateException(message + ", and STAYSYNC_REQUIRE_BROWSER=true");
			}
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions().setBinary(chromium)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--user-data-dir=" + Files.createTempDirectory("staysync-chromium"),
					"--window-size=1440,1000", "--lang=en-GB", "--force-prefers-reduced-motion");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
		return new Browser(driver);
	}

	public WebDriver driver() {
		return driver;
	}

	public void size(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/**
	 * Scrolls to the element and clicks it, looking it up again if htmx replaced it
	 * meanwhile (a button found just before a swap is gone when clicked): give a wait
	 * that ignores {@link org.openqa.selenium.StaleElementReferenceException}.
	 */
	public static void clickOnce(WebDriverWait wait, By locator) {
		wait.until(driver -> {
			WebElement element = driver.findElement(locator);
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", element);
			element.click();
			return true;
		});
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) throws IOException {
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return target;
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static File firstExisting(String... paths) {
		for (String path : paths) {
			File file = new File(path);
			if (file.canExecute()) {
				return file;
			}
		}
		return null;
	}

}
