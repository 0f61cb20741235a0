package io.staysync.channels.airbnb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import io.staysync.bookings.BookingStatus;

/**
 * One reservation of Airbnb's partner API as Staysync reads it: the confirmation code
 * (the booking's key), the listing, the status, check-in ({@code start_date}) and
 * check-out ({@code end_date}), the guest, and the host's payout. What cannot be read is
 * said in {@code problem}; the reservation is then not applied at all.
 *
 * @param total the host's payout ({@code expected_payout_amount_accurate}), or
 * {@code null} when Airbnb sent none, sent it as {@code null} or without a currency
 */
record AirbnbReservation(String confirmationCode, String listingId, String statusType, BookingStatus status,
		LocalDate checkIn, LocalDate checkOut, String guestName, Integer adults, Integer children, BigDecimal total,
		String currency, String guestEmail, String guestPhone, String problem) {

	/** The field whose amount is the booking's total: what the host is paid. */
	static final String TOTAL = "expected_payout_amount_accurate";

	static AirbnbReservation read(JsonNode json) {
		String code = text(json, "confirmation_code");
		String listing = id(json.get("listing_id"));
		String statusType = text(json, "status_type");
		String name = code == null ? "A reservation without a confirmation code" : "Reservation " + code;
		if (code == null || code.isBlank()) {
			return problem(null, listing, statusType, name + " cannot be applied.");
		}
		BookingStatus status = AirbnbStatus.of(statusType).orElse(null);
		if (status == null) {
			return problem(code, listing, statusType,
					name + " has a status Staysync does not know (status_type '" + printable(statusType)
							+ "'); it was left as it was rather than guessed. Tell Staysync's maintainers.");
		}
		LocalDate checkIn = date(json, "start_date");
		LocalDate checkOut = date(json, "end_date");
		if (checkIn == null || checkOut == null || !checkIn.isBefore(checkOut)) {
			return problem(code, listing, statusType,
					name + " has no readable stay (start_date " + printable(text(json, "start_date")) + ", end_date "
							+ printable(text(json, "end_date")) + "); it was left as it was.");
		}
		JsonNode details = json.get("guest_details");
		Integer adults = count(details, "number_of_adults");
		Integer children = count(details, "number_of_children");
		if (adults == null && children == null) {
			adults = count(json, "number_of_guests");
		}
		String currency = currency(text(json, "host_currency"));
		BigDecimal total = currency == null ? null : money(json.get(TOTAL));
		String phone = null;
		JsonNode phones = json.get("guest_phone_numbers");
		if (phones != null && phones.isArray()) {
			for (JsonNode number : phones.values()) {
				if (number.isString() && !number.asString().isBlank()) {
					phone = number.asString().strip();
					break;
				}
			}
		}
		String email = text(json, "guest_email");
		return new AirbnbReservation(code, listing, statusType, status, checkIn, checkOut,
				name(text(json, "guest_first_name"), text(json, "guest_last_name")), adults, children, total,
				total == null ? null : currency, email == null || email.isBlank() ? null : email.strip(), phone, null);
	}

	private static AirbnbReservation problem(String code, String listing, String statusType, String problem) {
		return new AirbnbReservation(code, listing, statusType, null, null, null, null, null, null, null, null, null,
				null, problem);
	}

	/** An {@code *_accurate} decimal string (or, as seen too, a number); else none. */
	static BigDecimal money(JsonNode amount) {
		if (amount == null || amount.isNull()) {
			return null;
		}
		try {
			if (amount.isString()) {
				String text = amount.asString().strip();
				return text.isEmpty() ? null : new BigDecimal(text);
			}
			return amount.isNumber() ? amount.decimalValue() : null;
		}
		catch (NumberFormatException unreadable) {
			return null;
		}
	}

	private static String currency(String code) {
		return code != null && code.strip().matches("[A-Za-z]{3}") ? code.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static String name(String first, String last) {
		String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
		return name.isEmpty() ? null : name;
	}

	private static Integer count(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
			return null;
		}
		return value.asInt();
	}

	private static LocalDate date(JsonNode json, String field) {
		String text = text(json, field);
		try {
			return text == null ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	/** A listing id Airbnb sends as a number (or a string of one). */
	static String id(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.asString();
		}
		return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	/** A value quoted back to a manager: short, one line, no markup. */
	private static String printable(String value) {
		if (value == null) {
			return "missing";
		}
		String safe = value.replaceAll("[^A-Za-z0-9_.:+-]", "?");
		return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
	}

	@Override
	public String toString() {
		return "AirbnbReservation[" + confirmationCode + ", listing " + listingId + ", " + statusType + ", " + checkIn
				+ " to " + checkOut + "]";
	}

}
