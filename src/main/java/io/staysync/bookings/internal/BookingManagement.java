package io.staysync.bookings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.OverlapRefused;
import io.staysync.bookings.internal.BookingWrites.Written;
import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.NotFoundException;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/** Bookings as a manager sees and enters them. */
@Service
public class BookingManagement {

	private final BookingRepository bookings;

	private final JdbcAggregateTemplate aggregates;

	private final BookingWrites writes;

	private final BookingRules rules;

	private final PropertyCatalog properties;

	private final AuditLog audit;

	private final BookingSettings settings;

	private final Clock clock;

	BookingManagement(BookingRepository bookings, JdbcAggregateTemplate aggregates, BookingWrites writes,
			BookingRules rules, PropertyCatalog properties, AuditLog audit, BookingSettings settings, Clock clock) {
		this.bookings = bookings;
		this.aggregates = aggregates;
		this.writes = writes;
		this.rules = rules;
		this.properties = properties;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Whether a tentative booking holds its nights here
	 * ({@code staysync.bookings.hold-tentative}), for pages that say so.
	 */
	public boolean tentativeHoldsNights() {
		return settings.holdTentative();
	}

	@Transactional(readOnly = true)
	public Booking get(UUID id) {
		return bookings.findById(id).orElseThrow(() -> NotFoundException.of("Booking", id));
	}

	@Transactional(readOnly = true)
	public Page<Booking> find(BookingFilter filter, Pageable pageable) {
		List<UUID> idsByCode = filter.codePrefix().map(bookings::findIdsStartingWith).orElse(List.of());
		Criteria criteria = filter.toCriteria(idsByCode);
		Query query = Query.query(criteria)
			.sort(Sort.by("checkIn", "id"))
			.limit(pageable.getPageSize())
			.offset(pageable.getOffset());
		List<Booking> content = aggregates.findAll(query, Booking.class);
		long total = aggregates.count(Query.query(criteria), Booking.class);
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * A property's bookings that have not ended by {@code from} and still hold or may
	 * hold nights (confirmed or tentative), soonest first.
	 */
	@Transactional(readOnly = true)
	public Page<Booking> upcoming(UUID propertyId, LocalDate from, Pageable pageable) {
		Criteria criteria = Criteria.where("propertyId")
			.is(propertyId)
			.and("checkOut")
			.greaterThan(from)
			.and("status")
			.not(BookingStatus.CANCELLED.name());
		Query query = Query.query(criteria)
			.sort(Sort.by("checkIn", "id"))
			.limit(pageable.getPageSize())
			.offset(pageable.getOffset());
		return new PageImpl<>(aggregates.findAll(query, Booking.class), pageable,
				aggregates.count(Query.query(criteria), Booking.class));
	}

	/**
	 * Stores a manual booking. One that would overlap a reservation or manual block is
	 * refused with {@link OverlapRefused}, naming the other bookings, unless
	 * {@code force} is set; then it is stored and the conflict recorded. A tentative
	 * reservation is in the way too while tentative bookings hold their nights; forced
	 * past it, no conflict is recorded until the channel confirms it.
	 */
	@Transactional
	public Booking create(ManualBooking request, boolean force) {
		PropertyRef property = properties.find(request.propertyId())
			.orElseThrow(() -> InvalidInputException.unprocessable(
					List.of(new FieldProblem("propertyId", "property " + request.propertyId() + " does not exist"))));
		rules.checkManual(request, property);
		writes.lock(property.id());
		Booking booking = Booking.manual(request, clock.instant());
		List<Booking> overlapping = writes.inTheWayOf(booking);
		if (!overlapping.isEmpty() && !force) {
			throw new OverlapRefused(overlapping.stream().map(Booking::toOverlap).toList());
		}
		Written created = writes.create(booking);
		booking = created.booking();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("propertyId", property.id().toString());
		details.put("kind", booking.kind().name());
		details.put("checkIn", booking.checkIn().toString());
		details.put("checkOut", booking.checkOut().toString());
		details.put("forced", force && created.conflictsOpened() > 0);
		audit.record("booking.created", "booking:" + booking.id(), details);
		return booking;
	}

	/**
	 * Changes a manual booking's dates, guest and amounts, by the same rules and overlap
	 * check as {@link #create}: nights taken by another reservation or manual block are
	 * refused unless {@code force} is set. Its property and kind stay; a channel's
	 * booking is changed on its channel.
	 */
	@Transactional
	public Booking edit(UUID id, ManualBooking edit, boolean force) {
		Booking unlocked = get(id);
		if (unlocked.source() != BookingSource.MANUAL || unlocked.status() != BookingStatus.CONFIRMED) {
			throw new ConflictException(unlocked.source() != BookingSource.MANUAL
					? "This booking came from " + unlocked.source() + "; change it on that channel."
					: "This booking is cancelled; enter a new one instead.");
		}
		PropertyRef property = properties.find(unlocked.propertyId())
			.orElseThrow(() -> NotFoundException.of("Property", unlocked.propertyId()));
		ManualBooking request = new ManualBooking(unlocked.propertyId(), unlocked.kind(), edit.checkIn(),
				edit.checkOut(), edit.guestName(), edit.adults(), edit.children(), edit.totalAmount(), edit.currency(),
				edit.notes(), edit.guestEmail(), edit.guestPhone());
		rules.checkManual(request, property);
		writes.lock(property.id());
		Booking booking = get(id);
		LocalDate previousCheckIn = booking.checkIn();
		LocalDate previousCheckOut = booking.checkOut();
		List<String> changes = booking.applyManualEdit(request, clock.instant());
		if (changes.isEmpty()) {
			return booking;
		}
		List<Booking> overlapping = writes.inTheWayOf(booking);
		if (!overlapping.isEmpty() && !force) {
			throw new OverlapRefused(overlapping.stream().map(Booking::toOverlap).toList());
		}
		Written updated = writes.update(booking, property.id(), changes, previousCheckIn, previousCheckOut);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("propertyId", property.id().toString());
		details.put("changes", changes);
		details.put("checkIn", booking.checkIn().toString());
		details.put("checkOut", booking.checkOut().toString());
		details.put("forced", force && updated.conflictsOpened() > 0);
		audit.record("booking.updated", "booking:" + id, details);
		return updated.booking();
	}

	/**
	 * The currency last entered for a property's bookings, to start the next one with.
	 */
	@Transactional(readOnly = true)
	public Optional<String> lastCurrency(UUID propertyId) {
		return bookings.findLastCurrency(propertyId);
	}

	/**
	 * Cancels a manual booking. A channel's booking is cancelled on its channel:
	 * cancelling it here would not free the guest's stay there, and the next sync would
	 * bring it back.
	 */
	@Transactional
	public Booking cancel(UUID id) {
		Booking unlocked = get(id);
		if (unlocked.source() != BookingSource.MANUAL) {
			throw new ConflictException("This booking came from " + unlocked.source()
					+ "; cancel it on that channel and the next sync will cancel it here.");
		}
		Written cancelled = writes.cancel(unlocked, () -> get(id));
		if (cancelled.changed()) {
			audit.record("booking.cancelled", "booking:" + id,
					Map.of("propertyId", cancelled.booking().propertyId().toString()));
		}
		return cancelled.booking();
	}

}
