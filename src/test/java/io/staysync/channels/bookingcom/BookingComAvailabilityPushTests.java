package io.staysync.channels.bookingcom;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.bookingcom.OtaWriter.AvailabilityRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the connector sends availability and what it makes of Booking.com's answer, with
 * the HTTP calls replaced by recorded answers.
 */
class BookingComAvailabilityPushTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-20T10:00:00Z"), ZoneOffset.UTC);

	static final LocalDate TODAY = LocalDate.of(2027, 1, 20);

	final List<Sent> sent = new ArrayList<>();

	@Test
	void eachMonthOfTheWindowIsOneRequestForTheListingsHotelAndRoomType() {
		BookingComConnector connector = connector("avail-success.xml");

		AvailabilityPush answer = connector.pushAvailability(credentials(), listing("4410021-77120001"),
				window(TODAY.minusDays(3), TODAY.plusDays(40), TODAY.plusDays(1)));

		assertThat(answer.outcome()).isEqualTo(AvailabilityPush.Outcome.PUSHED);
		assertThat(sent).hasSize(2).allSatisfy(request -> assertThat(request.hotel()).isEqualTo("4410021"));
		assertThat(sent.get(0).ranges()).first()
			.as("nothing in the past")
			.isEqualTo(new AvailabilityRange("77120001", TODAY, TODAY, false));
		assertThat(sent.get(1).ranges().get(0).first()).isEqualTo(TODAY.plusMonths(1));
	}

	@Test
	void rangesRefusedInATakenRequestFailThePushWithTheirDatesSoItIsRetried() {
		BookingComConnector connector = connector("avail-partial-errors.xml");

		AvailabilityPush answer = connector.pushAvailability(credentials(), listing("4410021-77120001"),
				window(TODAY, TODAY.plusDays(5), TODAY.plusDays(1)));

		assertThat(answer.outcome()).isEqualTo(AvailabilityPush.Outcome.FAILED);
		assertThat(answer.problem()).contains("took only part")
			.contains(TODAY.plusDays(1) + " to " + TODAY.plusDays(1))
			.contains("NOT_A_VALID_DATE")
			.contains("sent again");
	}

	@Test
	void aListingThatIsNotAHotelRoomTypeIsRefusedInWords() {
		AvailabilityPush answer = connector("avail-success.xml").pushAvailability(credentials(), listing("4410021"),
				window(TODAY, TODAY.plusDays(2)));

		assertThat(answer.outcome()).isEqualTo(AvailabilityPush.Outcome.FAILED);
		assertThat(answer.problem()).contains("HOTELCODE-ROOMTYPECODE");
		assertThat(sent).isEmpty();
	}

	BookingComConnector connector(String answer) {
		BookingComClient client = new BookingComClient(null, BookingComSettings.defaults(), CLOCK, millis -> {
		}) {
			@Override
			OtaDocument pushAvailability(ChannelCredentials credentials, String hotelCode,
					List<AvailabilityRange> ranges) throws BookingComException {
				sent.add(new Sent(hotelCode, ranges));
				try {
					return new OtaParser().parse(payload(answer));
				}
				catch (MalformedOtaException | IOException unreadable) {
					throw new IllegalStateException(unreadable);
				}
			}
		};
		return new BookingComConnector(client, CLOCK);
	}

	static byte[] payload(String name) throws IOException {
		try (InputStream in = BookingComAvailabilityPushTests.class
			.getResourceAsStream("/channels/bookingcom/" + name)) {
			return in.readAllBytes();
		}
	}

	static ChannelCredentials credentials() {
		return new ChannelCredentials(UUID.randomUUID(), ChannelType.BOOKING_COM, ChannelMode.API, "id", "secret", null,
				null, List.of());
	}

	static ChannelListing listing(String id) {
		return new ChannelListing(id, UUID.randomUUID(), null);
	}

	static AvailabilityWindow window(LocalDate from, LocalDate to, LocalDate... closed) {
		return new AvailabilityWindow(UUID.randomUUID(), from, to, new TreeSet<>(Set.of(closed)));
	}

	record Sent(String hotel, List<AvailabilityRange> ranges) {
	}

}
