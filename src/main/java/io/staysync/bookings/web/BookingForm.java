package io.staysync.bookings.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.internal.Booking;
import io.staysync.bookings.internal.ManualBooking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manual reservation or block as the console enters it; the domain checks the rest. */
public class BookingForm {

	@NotNull(message = "choose a property")
	private UUID propertyId;

	@NotNull
	private BookingKind kind = BookingKind.RESERVATION;

	@NotNull(message = "choose the arrival day")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate checkIn;

	@NotNull(message = "choose the departure day")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate checkOut;

	@Size(max = 200)
	private String guestName;

	@Size(max = 254)
	private String guestEmail;

	@Size(max = 40)
	private String guestPhone;

	@Min(0)
	@Max(100)
	private Integer adults;

	@Min(0)
	@Max(100)
	private Integer children;

	private BigDecimal totalAmount;

	@Size(max = 3)
	private String currency;

	@Size(max = 2000)
	private String notes;

	private boolean force;

	/** The form of a stored manual booking, to edit it. */
	static BookingForm of(Booking booking) {
		BookingForm form = new BookingForm();
		form.propertyId = booking.propertyId();
		form.kind = booking.kind();
		form.checkIn = booking.checkIn();
		form.checkOut = booking.checkOut();
		form.guestName = booking.guestName();
		form.guestEmail = booking.guestEmail();
		form.guestPhone = booking.guestPhone();
		form.adults = booking.adults();
		form.children = booking.children();
		form.totalAmount = booking.totalAmount();
		form.currency = booking.currency();
		form.notes = booking.notes();
		return form;
	}

	ManualBooking toManualBooking() {
		return new ManualBooking(propertyId, kind, checkIn, checkOut, blankToNull(guestName), adults, children,
				totalAmount, blankToNull(currency) == null ? null : currency.trim().toUpperCase(Locale.ROOT),
				blankToNull(notes), guestEmail, guestPhone);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public UUID getPropertyId() {
		return propertyId;
	}

	public void setPropertyId(UUID propertyId) {
		this.propertyId = propertyId;
	}

	public BookingKind getKind() {
		return kind;
	}

	public void setKind(BookingKind kind) {
		this.kind = kind;
	}

	public LocalDate getCheckIn() {
		return checkIn;
	}

	public void setCheckIn(LocalDate checkIn) {
		this.checkIn = checkIn;
	}

	public LocalDate getCheckOut() {
		return checkOut;
	}

	public void setCheckOut(LocalDate checkOut) {
		this.checkOut = checkOut;
	}

	public String getGuestName() {
		return guestName;
	}

	public void setGuestName(String guestName) {
		this.guestName = guestName;
	}

	public String getGuestEmail() {
		return guestEmail;
	}

	public void setGuestEmail(String guestEmail) {
		this.guestEmail = guestEmail;
	}

	public String getGuestPhone() {
		return guestPhone;
	}

	public void setGuestPhone(String guestPhone) {
		this.guestPhone = guestPhone;
	}

	public Integer getAdults() {
		return adults;
	}

	public void setAdults(Integer adults) {
		this.adults = adults;
	}

	public Integer getChildren() {
		return children;
	}

	public void setChildren(Integer children) {
		this.children = children;
	}

	public BigDecimal getTotalAmount() {
		return totalAmount;
	}

	public void setTotalAmount(BigDecimal totalAmount) {
		this.totalAmount = totalAmount;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public boolean isForce() {
		return force;
	}

	public void setForce(boolean force) {
		this.force = force;
	}

}
