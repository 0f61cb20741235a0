package io.staysync.channels.bookingcom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.staysync.channels.Acknowledgement;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.channels.ChannelMessage;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.channels.ListingChanges;
import io.staysync.channels.MessagePull;
import io.staysync.channels.SyncCursor;
import io.staysync.channels.bookingcom.OtaDocument.OtaError;
import io.staysync.channels.bookingcom.OtaWriter.AvailabilityRange;

/**
 * Booking.com in API mode. Reservations are not fetched per listing: Booking.com keeps
 * one queue of new reservations and one of modifications and cancellations per machine
 * account, so a run pulls each queue once, for every hotel (new ones first, so that a
 * modification never lands before the reservation it changes), and the sync engine
 * applies each reservation in its own transaction before this connector acknowledges the
 * ones that committed.
 */
@Component
class BookingComConnector implements ChannelConnector {

	private static final Logger log = LoggerFactory.getLogger(BookingComConnector.class);

	/** Booking.com counts "the past" in Central European Time. */
	private static final ZoneId CET = ZoneId.of("CET");

	private final BookingComClient client;

	private final Clock clock;

	/** When each integration last acknowledged: Booking.com asks for a pause after it. */
	private final Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();

	BookingComConnector(BookingComClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	@Override
	public boolean supports(ChannelType type, ChannelMode mode) {
		return type == ChannelType.BOOKING_COM && mode == ChannelMode.API;
	}

	/**
	 * A token exchange, then one authorised pull of the new-reservations queue. What it
	 * returns is neither applied nor acknowledged, so Booking.com delivers it again to
	 * the next sync.
	 */
	@Override
	public ConnectionCheck testConnection(ChannelCredentials credentials) {
		List<String> details = new ArrayList<>();
		try {
			client.token(credentials);
			details.add("Token exchange: the machine account got a token.");
			OtaDocument pulled = client.pull(credentials, OtaQueue.NEW);
			details.add("Reservations: Booking.com answered the pull"
					+ (pulled.ruid() == null ? "" : " (RUID " + pulled.ruid() + ")") + " with "
					+ pulled.reservations().size() + " new reservation(s) waiting; the next sync applies them.");
		}
		catch (BookingComException failed) {
			return ConnectionCheck.failed(failed.getMessage(), details);
		}
		Set<String> hotels = hotels(credentials.listings());
		details.add(hotels.isEmpty() ? "No room type is mapped yet: map each HOTELCODE-ROOMTYPECODE to a property."
				: "Mapped hotels: " + String.join(", ", hotels) + ".");
		return ConnectionCheck.passed("Connected to Booking.com: the machine account may read reservations.", details);
	}

	/** Never called for a connector that pulls messages; answers honestly if it were. */
	@Override
	public ListingChanges fetchChanges(ChannelCredentials credentials, ChannelListing listing, SyncCursor cursor) {
		return ListingChanges
			.failed("Booking.com in API mode delivers reservations per machine account, not per" + " listing.", cursor);
	}

	@Override
	public boolean pullsMessages() {
		return true;
	}

	@Override
	public MessagePull pullMessages(ChannelCredentials credentials) {
		List<String> ruids = new ArrayList<>();
		List<ChannelMessage> messages = new ArrayList<>();
		OtaMessages converter = new OtaMessages(credentials);
		try {
			pauseAfterAcknowledgement(credentials.integrationId());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return MessagePull.failed("The pull was interrupted.", ruids);
		}
		for (OtaQueue queue : OtaQueue.values()) {
			try {
				OtaDocument pulled = client.pull(credentials, queue);
				if (pulled.ruid() != null) {
					ruids.add(pulled.ruid());
				}
				messages.addAll(converter.of(queue, pulled.reservations()));
			}
			catch (BookingComException failed) {
				String problem = queue == OtaQueue.NEW ? failed.getMessage()
						: "Modifications and cancellations could not be pulled: " + failed.getMessage();
				// New reservations alone are safe to apply; modifications without the
				// new reservations they may change are not, so a failed first pull
				// stops here.
				return new MessagePull(messages, problem, ruids);
			}
		}
		log.debug("Pulled {} Booking.com reservation message(s) for integration {} (RUIDs {})", messages.size(),
				credentials.integrationId(), ruids);
		return new MessagePull(messages, null, ruids);
	}

	/**
	 * One acknowledgement per queue, listing every committed reservation of it. Never
	 * retried: what Booking.com did not take comes back with the next pull.
	 */
	@Override
	public Acknowledgement acknowledge(ChannelCredentials credentials, List<ChannelMessage> committed) {
		Map<OtaQueue, List<ChannelMessage>> byQueue = new EnumMap<>(OtaQueue.class);
		committed.forEach(
				message -> byQueue.computeIfAbsent(OtaQueue.ofMessage(message.messageId()), queue -> new ArrayList<>())
					.add(message));
		List<String> taken = new ArrayList<>();
		List<String> ruids = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		byQueue.forEach((queue, messages) -> {
			List<String> resIds = messages.stream()
				.map(message -> OtaQueue.resIdOf(message.messageId()))
				.distinct()
				.toList();
			try {
				OtaDocument answer = client.acknowledge(credentials, queue, resIds);
				if (answer.ruid() != null) {
					ruids.add(answer.ruid());
				}
				if (answer.errors().isEmpty()) {
					messages.forEach(message -> taken.add(message.messageId()));
				}
				else {
					problems.add("Booking.com answered the acknowledgement with errors: "
							+ String.join("; ", answer.errors().stream().map(Object::toString).toList()));
				}
			}
			catch (BookingComException failed) {
				problems.add(failed.getMessage());
			}
		});
		acknowledged.put(credentials.integrationId(), clock.instant());
		return new Acknowledgement(taken, problems.isEmpty() ? null : String.join(" ", problems), ruids);
	}

	/**
	 * The listing's room type on its hotel, one request per month of the window, from
	 * today (in CET) on. Ranges Booking.com refuses in an otherwise taken request make
	 * the push fail with them named, so that the outbox sends the whole window again
	 * later; sending a range twice is harmless.
	 */
	@Override
	public AvailabilityPush pushAvailability(ChannelCredentials credentials, ChannelListing listing,
			AvailabilityWindow window) {
		String id = listing.externalListingId();
		int dash = id.indexOf('-');
		if (dash <= 0 || dash == id.length() - 1) {
			return AvailabilityPush.failed("Listing " + id + " is not a Booking.com room type: map it as"
					+ " HOTELCODE-ROOMTYPECODE (for example 4410021-77120001).");
		}
		String hotel = id.substring(0, dash);
		String roomType = id.substring(dash + 1);
		List<String> refused = new ArrayList<>();
		for (List<AvailabilityRange> request : AvailabilityRequests.of(roomType, window,
				LocalDate.now(clock.withZone(CET)))) {
			try {
				OtaDocument answer = client.pushAvailability(credentials, hotel, request);
				for (OtaError error : answer.errors()) {
					refused
						.add(describe(error, request) + (answer.ruid() == null ? "" : " (RUID " + answer.ruid() + ")"));
				}
			}
			catch (BookingComException failed) {
				return AvailabilityPush.failed(failed.getMessage(), failed.retryAfter());
			}
		}
		if (!refused.isEmpty()) {
			return AvailabilityPush.failed("Booking.com took only part of the availability of " + id + "; it refused "
					+ String.join("; ", refused) + ". The whole window is sent again later.");
		}
		return AvailabilityPush.pushed();
	}

	/** An error about one range, found by its {@code RecordID} (the range's position). */
	private static String describe(OtaError error, List<AvailabilityRange> request) {
		try {
			AvailabilityRange range = request.get(Integer.parseInt(error.recordId()) - 1);
			return range.first() + " to " + range.last() + " (" + error + ")";
		}
		catch (NumberFormatException | IndexOutOfBoundsException unknownRecord) {
			return "a range (" + error + ")";
		}
	}

	@Override
	public Optional<Duration> pollInterval() {
		return Optional.of(client.settings().pollInterval());
	}

	private void pauseAfterAcknowledgement(UUID integrationId) throws InterruptedException {
		Instant last = acknowledged.get(integrationId);
		if (last == null) {
			return;
		}
		Duration left = Duration.between(clock.instant(), last.plus(client.settings().pauseAfterAcknowledgement()));
		if (!left.isNegative() && !left.isZero()) {
			Thread.sleep(left.toMillis());
		}
	}

	/** The hotels of the mapped room types ({@code HOTELCODE-ROOMTYPECODE}). */
	private static Set<String> hotels(List<ChannelListing> listings) {
		Set<String> hotels = new LinkedHashSet<>();
		for (ChannelListing listing : listings) {
			String id = listing.externalListingId();
			int dash = id.indexOf('-');
			hotels.add(dash > 0 ? id.substring(0, dash) : id);
		}
		return hotels;
	}

}
