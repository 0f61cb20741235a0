package io.staysync.bookings.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.bookings.BookingChange;
import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.OverlapRefused;

/**
 * A reservation or block of one property. Stay dates are the property's own dates,
 * check-out exclusive: a stay from the 3rd to the 5th holds the nights of the 3rd and
 * 4th.
 */
@Table("bookings")
public class Booking {

	@Id
	private final UUID id;

	private UUID propertyId;

	private final BookingKind kind;

	private BookingStatus status;

	private LocalDate checkIn;

	private LocalDate checkOut;

	private String guestName;

	private String guestEmail;

	private String guestPhone;

	private Integer adults;

	private Integer children;

	private BigDecimal totalAmount;

	private String currency;

	private final BookingSource source;

	private final UUID integrationId;

	private final String externalId;

	/**
	 * Where {@code externalId} is unique, part of the channel key: the external listing
	 * id for an iCal UID, empty for a channel-wide reservation id, {@code null} for a
	 * manual booking. Fixed at import: an iCal booking never leaves its listing, an API
	 * reservation moved to another room keeps its key.
	 */
	private final String externalScope;

	private String externalListingId;

	private String rawPayloadRef;

	private String externalReference;

	private String notes;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant cancelledAt;

	@Version
	private Long version;

	@PersistenceCreator
	Booking(UUID id, UUID propertyId, BookingKind kind, BookingStatus status, LocalDate checkIn, LocalDate checkOut,
			String guestName, String guestEmail, String guestPhone, Integer adults, Integer children,
			BigDecimal totalAmount, String currency, BookingSource source, UUID integrationId, String externalId,
			String externalScope, String externalListingId, String rawPayloadRef, String externalReference,
			String notes, Instant createdAt, Instant updatedAt, Instant cancelledAt, Long version) {
		this.id = id;
		this.propertyId = propertyId;
		this.kind = kind;
		this.status = status;
		this.checkIn = checkIn;
		this.checkOut = checkOut;
		this.guestName = guestName;
		this.guestEmail = guestEmail;
		this.guestPhone = guestPhone;
		this.adults = adults;
		this.children = children;
		this.totalAmount = totalAmount;
		this.currency = currency;
		this.source = source;
		this.integrationId = integrationId;
		this.externalId = externalId;
		this.externalScope = externalScope;
		this.externalListingId = externalListingId;
		this.rawPayloadRef = rawPayloadRef;
		this.externalReference = externalReference;
		this.notes = notes;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.cancelledAt = cancelledAt;
		this.version = version;
	}

	static Booking manual(ManualBooking request, Instant now) {
		return new Booking(UUID.randomUUID(), request.propertyId(), request.kind(), BookingStatus.CONFIRMED,
				request.checkIn(), request.checkOut(), request.guestName(), request.guestEmail(), request.guestPhone(),
				request.adults(), request.children(), request.totalAmount(), request.currency(), BookingSource.MANUAL,
				null, null, null, null, null, null, request.notes(), now, now, null, null);
	}

	/** A new booking from a channel record, with the id it is inserted under. */
	static Booking imported(ChannelBooking record, Instant now) {
		return new Booking(UUID.randomUUID(), record.propertyId(), record.kind(), record.status(), record.checkIn(),
				record.checkOut(), record.guestName(), record.guestEmail(), record.guestPhone(), record.adults(),
				record.children(), record.totalAmount(), record.currency(), record.source(), record.integrationId(),
				record.externalId(), record.key().scope(), record.externalListingId(), record.rawPayloadRef(),
				record.externalReference(), null, now, now, record.status() == BookingStatus.CANCELLED ? now : null,
				null);
	}

	/**
	 * Brings this booking to the state the channel reports. Contact details the record
	 * leaves out are kept: channels send them in some messages only (a Booking.com
	 * modification may carry no phone) and withhold them once a stay is over, and neither
	 * means the guest has none any more.
	 * @return the names of the fields that changed; empty when the record is already
	 * applied
	 */
	List<String> applyChannelState(ChannelBooking record, Instant now) {
		List<String> changes = new ArrayList<>();
		propertyId = track(changes, "propertyId", propertyId, record.propertyId());
		checkIn = track(changes, "checkIn", checkIn, record.checkIn());
		checkOut = track(changes, "checkOut", checkOut, record.checkOut());
		guestName = track(changes, "guestName", guestName, record.guestName());
		if (record.guestEmail() != null) {
			guestEmail = track(changes, "guestEmail", guestEmail, record.guestEmail());
		}
		if (record.guestPhone() != null) {
			guestPhone = track(changes, "guestPhone", guestPhone, record.guestPhone());
		}
		adults = track(changes, "adults", adults, record.adults());
		children = track(changes, "children", children, record.children());
		currency = track(changes, "currency", currency, record.currency());
		externalListingId = track(changes, "externalListingId", externalListingId, record.externalListingId());
		externalReference = track(changes, "externalReference", externalReference, record.externalReference());
		if (!sameAmount(totalAmount, record.totalAmount())) {
			totalAmount = record.totalAmount();
			changes.add("totalAmount");
		}
		if (record.rawPayloadRef() != null) {
			rawPayloadRef = record.rawPayloadRef();
		}
		if (status != record.status()) {
			status = record.status();
			cancelledAt = status == BookingStatus.CANCELLED ? now : null;
			changes.add("status");
		}
		if (!changes.isEmpty()) {
			updatedAt = now;
		}
		return changes;
	}

	/**
	 * Applies a manager's edit of a manual booking (not its property nor its kind).
	 * @return the names of the fields that changed
	 */
	List<String> applyManualEdit(ManualBooking edit, Instant now) {
		List<String> changes = new ArrayList<>();
		checkIn = track(changes, "checkIn", checkIn, edit.checkIn());
		checkOut = track(changes, "checkOut", checkOut, edit.checkOut());
		guestName = track(changes, "guestName", guestName, edit.guestName());
		guestEmail = track(changes, "guestEmail", guestEmail, edit.guestEmail());
		guestPhone = track(changes, "guestPhone", guestPhone, edit.guestPhone());
		adults = track(changes, "adults", adults, edit.adults());
		children = track(changes, "children", children, edit.children());
		currency = track(changes, "currency", currency, edit.currency());
		notes = track(changes, "notes", notes, edit.notes());
		if (!sameAmount(totalAmount, edit.totalAmount())) {
			totalAmount = edit.totalAmount();
			changes.add("totalAmount");
		}
		if (!changes.isEmpty()) {
			updatedAt = now;
		}
		return changes;
	}

	/**
	 * @return whether this call cancelled it (false when it already was)
	 */
	boolean cancel(Instant now) {
		if (status == BookingStatus.CANCELLED) {
			return false;
		}
		status = BookingStatus.CANCELLED;
		cancelledAt = now;
		updatedAt = now;
		return true;
	}

	/**
	 * Whether this booking can be half of a double booking: confirmed (a tentative one
	 * never is, held or not: it is a request the channel may still decline), and either a
	 * guest's reservation or a block the manager set here. Blocks imported from a channel
	 * are not: channels report as "not available" the very nights Staysync exported to
	 * them, and those echoes would otherwise flag every booking as a conflict.
	 */
	boolean holdsNightsExclusively() {
		return status == BookingStatus.CONFIRMED && (kind == BookingKind.RESERVATION || source == BookingSource.MANUAL);
	}

	boolean overlaps(LocalDate otherCheckIn, LocalDate otherCheckOut) {
		return checkIn.isBefore(otherCheckOut) && otherCheckIn.isBefore(checkOut);
	}

	BookingChange toChange() {
		return new BookingChange(id, propertyId, kind, source, integrationId, checkIn, checkOut);
	}

	/** This booking as a refused one names it. */
	OverlapRefused.Overlap toOverlap() {
		return new OverlapRefused.Overlap(id, kind, source, checkIn, checkOut, guestName, externalReference, status);
	}

	private static <T> T track(List<String> changes, String field, T current, T reported) {
		if (!Objects.equals(current, reported)) {
			changes.add(field);
		}
		return reported;
	}

	private static boolean sameAmount(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	public UUID id() {
		return id;
	}

	public UUID propertyId() {
		return propertyId;
	}

	public BookingKind kind() {
		return kind;
	}

	public BookingStatus status() {
		return status;
	}

	public LocalDate checkIn() {
		return checkIn;
	}

	public LocalDate checkOut() {
		return checkOut;
	}

	public String guestName() {
		return guestName;
	}

	/**
	 * The guest's e-mail address (often a channel's alias), personal data: shown to those
	 * signed in, never written to a log line or an audit event.
	 */
	public String guestEmail() {
		return guestEmail;
	}

	/** The guest's phone number, personal data like {@link #guestEmail()}. */
	public String guestPhone() {
		return guestPhone;
	}

	public Integer adults() {
		return adults;
	}

	public Integer children() {
		return children;
	}

	public BigDecimal totalAmount() {
		return totalAmount;
	}

	public String currency() {
		return currency;
	}

	public BookingSource source() {
		return source;
	}

	public UUID integrationId() {
		return integrationId;
	}

	public String externalId() {
		return externalId;
	}

	String externalScope() {
		return externalScope;
	}

	public String externalListingId() {
		return externalListingId;
	}

	String rawPayloadRef() {
		return rawPayloadRef;
	}

	public String externalReference() {
		return externalReference;
	}

	/**
	 * What a manager calls this booking: the channel's confirmation code, else its id on
	 * the channel, else (a manual booking) the first eight characters of its id.
	 */
	public String code() {
		if (externalReference != null) {
			return externalReference;
		}
		return externalId != null ? externalId : id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	public String notes() {
		return notes;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Instant cancelledAt() {
		return cancelledAt;
	}

	public Long version() {
		return version;
	}

}
