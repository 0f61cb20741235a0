package io.staysync.channels.airbnb;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.fuzz.FuzzInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Airbnb's API answers, reading it as the client does (Jackson, then each
 * reservation of the page or the one reservation) gives a reservation or a problem in
 * words, never an exception other than Jackson's own "not JSON"; a reservation without a
 * problem has a code, a status, at least one night, no negative guests and a currency
 * whenever it has an amount. See docs/testing.md.
 */
class AirbnbReservationFuzzTests {

	private static final List<byte[]> ANSWERS = FuzzInputs.resources("/channels/airbnb/reservation.json",
			"/channels/airbnb/reservations-page.json", "/channels/airbnb/reservations-last-page.json",
			"/channels/airbnb/reservation-null-money.json", "/channels/airbnb/reservation-unknown-status.json",
			"/channels/airbnb/notification-acceptance.json");

	private static final List<String> JSON = List.of("{", "}", "[", "]", "[[[[[[[[[[", "{\"a\":{\"a\":", ",", "null",
			"true", "\"\"", "1e999999999", "-1e-999999999", "123456789012345678901234567890.5", "0.1e1", "\"\\u0000\"",
			"\"\\ud800\"", "\"confirmation_code\":\"HM\",", "\"confirmation_code\":12,", "\"status_type\":\"accept\",",
			"\"status_type\":null,", "\"start_date\":\"+999999999-12-31\",", "\"end_date\":\"2031-02-30\",",
			"\"start_date\":\"2031-01-03\",", "\"listing_id\":-1,", "\"listing_id\":1e300,",
			"\"number_of_adults\":2147483648,", "\"number_of_children\":-1,", "\"number_of_guests\":1.5,",
			"\"host_currency\":\"usd\",", "\"host_currency\":\"\u00dcSD\",",
			"\"expected_payout_amount_accurate\":\"1e-2147483647\",", "\"expected_payout_amount_accurate\":\"-0\",",
			"\"expected_payout_amount_accurate\":1e308,", "\"guest_phone_numbers\":[null,1,\" \"],",
			"\"guest_details\":[],", "\"reservations\":{},", "\"reservation\":[]");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@FuzzTest(maxDuration = "10s")
	void anyAnswerGivesReservationsOrProblems(FuzzedDataProvider data) {
		byte[] answer = FuzzInputs.of(data, ANSWERS, JSON, 256 * 1024);
		JsonNode root;
		try {
			root = MAPPER.readTree(answer);
		}
		catch (JacksonException notJson) {
			return;
		}
		for (JsonNode item : reservationsIn(root)) {
			AirbnbReservation reservation = AirbnbReservation.read(item);
			if (reservation.problem() != null) {
				assertThat(reservation.problem()).isNotBlank();
				continue;
			}
			assertThat(reservation.confirmationCode()).isNotBlank();
			assertThat(reservation.status()).isNotNull();
			assertThat(reservation.checkOut()).isAfter(reservation.checkIn());
			if (reservation.adults() != null) {
				assertThat(reservation.adults()).isNotNegative();
			}
			if (reservation.children() != null) {
				assertThat(reservation.children()).isNotNegative();
			}
			if (reservation.total() != null) {
				assertThat(reservation.currency()).matches("[A-Z]{3}");
			}
		}
	}

	/** What the client hands on: a page's items, the one wrapped reservation, or both. */
	private static List<JsonNode> reservationsIn(JsonNode root) {
		List<JsonNode> items = new ArrayList<>();
		if (root == null || !root.isObject()) {
			return items;
		}
		JsonNode page = root.get("reservations");
		if (page != null && page.isArray()) {
			page.values().forEach(items::add);
		}
		JsonNode wrapped = root.get("reservation");
		items.add(wrapped != null && wrapped.isObject() ? wrapped : root);
		return items;
	}

}
