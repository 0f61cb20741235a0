package io.staysync.channels.airbnb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.AirbnbSandboxConsent;
import io.staysync.test.ConsoleIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo mode with a real server, as a user tries it: "Connect the Airbnb sandbox" in one
 * click and Allow; then a reservation made on the sandbox's demo route reaches Staysync
 * through the sandbox's notification, and so do the guests who keep booking, moving and
 * cancelling by themselves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "staysync.demo.enabled=true", "staysync.sandbox.airbnb.trickle-every=1s",
		"staysync.sandbox.booking-com.trickle-every=0s", "staysync.scheduler.enabled=false",
		"staysync.integrations.public-url=" })
class AirbnbDemoIntegrationTests extends ConsoleIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void connectedInOneClickItsReservationsArriveByNotification() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> count("integrations where type = 'airbnb'") == 1);

		AirbnbSandboxConsent.complete(mvc, admin(), port, "/integrations/airbnb/oauth/sandbox");

		assertThat(jdbc.sql("select mode || ' ' || status from integrations where type = 'airbnb'")
			.query(String.class)
			.single()).isEqualTo("api connected");
		LocalDate arrival = LocalDate.now().plusDays(150);
		HttpResponse<String> booked = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(
						"http://localhost:" + port + "/sandbox/airbnb/demo/reservations?listing_id=51234567&start_date="
								+ arrival + "&end_date=" + arrival.plusDays(2)))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(booked.statusCode()).isEqualTo(200);
		String code = JsonPath.read(booked.body(), "$.confirmation_code");

		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("bookings where external_id = '" + code + "' and status = 'CONFIRMED' and check_in = '"
					+ arrival + "' and source = 'AIRBNB'") == 1);
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(count("bookings where source = 'AIRBNB' and status = 'CONFIRMED'")).isGreaterThanOrEqualTo(3);
			assertThat(count("bookings where source = 'AIRBNB' and status = 'CANCELLED'")).isPositive();
		});
		assertThat(jdbc
			.sql("select distinct r.trigger from sync_runs r join integrations i on i.id = r.integration_id"
					+ " where i.type = 'airbnb'")
			.query(String.class)
			.list()).as("only notifications brought them").containsExactly("webhook");
	}

}
