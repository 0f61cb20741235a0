package io.staysync.bookings.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.ChannelBooking;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.properties.PropertyRef;

/**
 * The rules a booking must meet. A manual booking meets all of them; a channel record
 * only the structural ones, because a guest's booking on a channel is a fact even when it
 * is in the past, far ahead, or over the capacity recorded here.
 */
@Component
class BookingRules {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final int YEARS_AHEAD = 3;

	/** The first and last dates of a channel's booking that can be a stay at all. */
	static final LocalDate FIRST_CHANNEL_DATE = LocalDate.of(1900, 1, 1);

	static final LocalDate LAST_CHANNEL_DATE = LocalDate.of(9999, 12, 31);

	private final Clock clock;

	BookingRules(Clock clock) {
		this.clock = clock;
	}

	void checkManual(ManualBooking booking, PropertyRef property) {
		List<FieldProblem> problems = new ArrayList<>();
		checkStay(booking.checkIn(), booking.checkOut(), problems);
		LocalDate latest = property.today(clock).plusYears(YEARS_AHEAD);
		if (booking.checkIn() != null && booking.checkIn().isBefore(EARLIEST)) {
			problems.add(new FieldProblem("checkIn", "must be on or after " + EARLIEST));
		}
		if (booking.checkOut() != null && booking.checkOut().isAfter(latest)) {
			problems
				.add(new FieldProblem("checkOut", "must be at most " + YEARS_AHEAD + " years ahead (" + latest + ")"));
		}
		checkMoney(booking.totalAmount(), booking.currency(), problems, true);
		checkContact(booking.guestEmail(), booking.guestPhone(), problems);
		if (booking.kind() == BookingKind.BLOCK
				&& (booking.adults() != null || booking.children() != null || booking.totalAmount() != null)) {
			problems.add(new FieldProblem("kind", "a block has no guests and no amount"));
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
		int guests = nullToZero(booking.adults()) + nullToZero(booking.children());
		if (guests > property.maxGuests()) {
			throw InvalidInputException.unprocessable(List.of(new FieldProblem("adults", guests
					+ " guests is more than the " + property.maxGuests() + " that " + property.name() + " takes")));
		}
	}

	void checkImported(ChannelBooking booking) {
		List<FieldProblem> problems = new ArrayList<>();
		if (booking.integrationId() == null || booking.externalId() == null || booking.externalId().isBlank()) {
			problems.add(new FieldProblem("externalId", "a channel booking needs its integration and external id"));
		}
		else if (booking.externalId().length() > 255) {
			problems.add(new FieldProblem("externalId", "must be at most 255 characters"));
		}
		if (booking.kind() == null || booking.status() == null || booking.source() == null) {
			problems.add(new FieldProblem("kind", "kind, status and source are required"));
		}
		checkStay(booking.checkIn(), booking.checkOut(), problems);
		checkWithinTheCalendar(booking.checkIn(), "checkIn", problems);
		checkWithinTheCalendar(booking.checkOut(), "checkOut", problems);
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
	}

	/**
	 * A channel's date far outside any real stay (the year 1 or 999999999 of a damaged
	 * answer) is refused with the booking, rather than failing the database's date type
	 * and with it every other booking of the listing.
	 */
	private static void checkWithinTheCalendar(LocalDate date, String field, List<FieldProblem> problems) {
		if (date != null && (date.isBefore(FIRST_CHANNEL_DATE) || date.isAfter(LAST_CHANNEL_DATE))) {
			problems
				.add(new FieldProblem(field, "must be between " + FIRST_CHANNEL_DATE + " and " + LAST_CHANNEL_DATE));
		}
	}

	/**
	 * Whether a channel's amount can be stored as it is. When it cannot (unknown
	 * currency, negative), the booking is still stored, without the amount: losing a
	 * guest's booking over its price would be worse than not knowing the price.
	 */
	boolean isStorableAmount(BigDecimal amount, String currency) {
		List<FieldProblem> problems = new ArrayList<>();
		checkMoney(amount, currency, problems, false);
		return problems.isEmpty();
	}

	/**
	 * A manager's typing mistake is refused (a channel's odd value is dropped instead, as
	 * the importer does it).
	 */
	private static void checkContact(String email, String phone, List<FieldProblem> problems) {
		String emailProblem = GuestContact.emailProblem(email);
		if (emailProblem != null) {
			problems.add(new FieldProblem("guestEmail", emailProblem));
		}
		String phoneProblem = GuestContact.phoneProblem(phone);
		if (phoneProblem != null) {
			problems.add(new FieldProblem("guestPhone", phoneProblem));
		}
	}

	private static void checkStay(LocalDate checkIn, LocalDate checkOut, List<FieldProblem> problems) {
		if (checkIn == null) {
			problems.add(new FieldProblem("checkIn", "is required"));
		}
		if (checkOut == null) {
			problems.add(new FieldProblem("checkOut", "is required"));
		}
		if (checkIn != null && checkOut != null && !checkOut.isAfter(checkIn)) {
			problems.add(new FieldProblem("checkOut", "must be after checkIn (the departure day, not the last night)"));
		}
	}

	private static void checkMoney(BigDecimal amount, String currency, List<FieldProblem> problems,
			boolean strictDecimals) {
		if (amount != null && amount.signum() < 0) {
			problems.add(new FieldProblem("totalAmount", "must not be negative"));
		}
		if (amount != null && amount.precision() - amount.scale() > 15) {
			problems.add(new FieldProblem("totalAmount", "is too large"));
		}
		if (amount != null && currency == null) {
			problems.add(new FieldProblem("currency", "is required with an amount"));
		}
		if (currency != null) {
			Currency known = knownCurrency(currency);
			if (known == null) {
				problems.add(new FieldProblem("currency", "must be an ISO 4217 currency code such as EUR"));
			}
			else if (strictDecimals && amount != null && known.getDefaultFractionDigits() >= 0
					&& amount.stripTrailingZeros().scale() > Math.max(known.getDefaultFractionDigits(), 0)) {
				problems.add(new FieldProblem("totalAmount",
						"has more decimals than " + currency + " uses (" + known.getDefaultFractionDigits() + ")"));
			}
		}
	}

	private static Currency knownCurrency(String code) {
		if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
			return null;
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static int nullToZero(Integer value) {
		return value == null ? 0 : value;
	}

}
