package io.staysync.channels.sandbox.airbnb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reservation as the sandbox keeps it and as Airbnb's partner API shows one: the
 * confirmation code, the listing, the {@code status_type}, check-in and check-out
 * ({@code end_date}), the guest and the money, each amount both as a whole number and as
 * an {@code *_accurate} decimal string. A {@code null} payout leaves the money fields
 * out, as a test of a reservation without them.
 */
public record SandboxReservation(String confirmationCode, long listingId, String statusType, LocalDate startDate,
		LocalDate endDate, int adults, int children, int infants, String firstName, String lastName, String email,
		String phone, BigDecimal payout, String currency, Instant updatedAt) {

	/** A confirmed stay of two adults paying 120 a night in EUR. */
	public static SandboxReservation accepted(String code, long listingId, LocalDate start, LocalDate end) {
		return new SandboxReservation(code, listingId, "accept", start, end, 2, 0, 0, "Ana", "Ferreira",
				"ana-" + code.toLowerCase(java.util.Locale.ROOT) + "@guest.airbnb.com", "+351 912 345 678",
				BigDecimal.valueOf(120L * ChronoUnit.DAYS.between(start, end)).setScale(2, RoundingMode.UNNECESSARY),
				"EUR", Instant.now());
	}

	public SandboxReservation withStatus(String status, Instant at) {
		return new SandboxReservation(confirmationCode, listingId, status, startDate, endDate, adults, children,
				infants, firstName, lastName, email, phone, payout, currency, at);
	}

	public SandboxReservation withDates(LocalDate start, LocalDate end, Instant at) {
		return new SandboxReservation(confirmationCode, listingId, statusType, start, end, adults, children, infants,
				firstName, lastName, email, phone, payout, currency, at);
	}

	/** Another guest's name, as the demo's guests vary. */
	public SandboxReservation withGuest(String first, String last) {
		return new SandboxReservation(confirmationCode, listingId, statusType, startDate, endDate, adults, children,
				infants, first, last, email, phone, payout, currency, updatedAt);
	}

	public long nights() {
		return ChronoUnit.DAYS.between(startDate, endDate);
	}

	/** The reservation in Airbnb's JSON shape. */
	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("confirmation_code", confirmationCode);
		json.put("status_type", statusType);
		json.put("listing_id", listingId);
		json.put("start_date", startDate.toString());
		json.put("end_date", endDate.toString());
		json.put("nights", nights());
		json.put("number_of_guests", adults + children);
		Map<String, Object> guests = new LinkedHashMap<>();
		guests.put("number_of_adults", adults);
		guests.put("number_of_children", children);
		guests.put("number_of_infants", infants);
		guests.put("localized_description", (adults + children) + " guests");
		json.put("guest_details", guests);
		json.put("guest_id", 1603069);
		json.put("guest_first_name", firstName);
		json.put("guest_last_name", lastName);
		json.put("guest_email", email);
		json.put("guest_phone_numbers", phone == null ? List.of() : List.of(phone));
		json.put("host_currency", currency);
		if (payout != null) {
			BigDecimal fee = payout.multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP);
			BigDecimal base = payout.add(fee);
			money(json, "expected_payout_amount", payout);
			money(json, "listing_base_price", base);
			money(json, "listing_host_fee", fee);
			money(json, "listing_cleaning_fee", BigDecimal.ZERO.setScale(2));
			money(json, "total_paid_amount", base.add(new BigDecimal("10.00")));
		}
		json.put("cancellation_policy_category", "strict_14_with_grace_period");
		json.put("thread_id", 435023593);
		json.put("booked_at", updatedAt.toString());
		json.put("updated_at", updatedAt.toString());
		return json;
	}

	/** The {@code reservation} of a notification about it. */
	Map<String, Object> notification() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("confirmation_code", confirmationCode);
		json.put("listing_id", listingId);
		json.put("status_type", statusType);
		json.put("start_date", startDate.toString());
		json.put("nights", nights());
		json.put("number_of_guests", adults + children);
		return json;
	}

	private static void money(Map<String, Object> json, String name, BigDecimal amount) {
		json.put(name, amount.setScale(0, RoundingMode.HALF_UP).longValue());
		json.put(name + "_accurate", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
	}

}
