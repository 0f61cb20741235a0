package io.staysync.common.http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client as the application builds it: default limits, private networks refused. */
class GuardedHttpClientWiringIntegrationTests extends ApiIntegrationTest {

	@Autowired
	GuardedHttpClient client;

	@Autowired
	GuardedHttpSettings settings;

	@Test
	void theApplicationsClientHasTheDesignedLimitsAndRefusesItsOwnMachine() throws Exception {
		assertThat(settings).isEqualTo(GuardedHttpSettings.defaults());

		try (LocalHttpServer server = new LocalHttpServer()) {
			server.on("/feed.ics", exchange -> LocalHttpServer.respond(exchange, 200, "text/calendar", "x"));

			FetchException refused = catchThrowableOfType(FetchException.class,
					() -> client.get(server.url("/feed.ics"), Conditional.none()));

			assertThat(refused.failure()).isEqualTo(FetchFailure.BLOCKED_ADDRESS);
			assertThat(server.requests("/feed.ics")).isEmpty();
		}
	}

}
