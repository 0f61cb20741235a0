package io.staysync.bookings.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.BookingImport;
import io.staysync.bookings.BookingStatus;
import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.ChannelKey;
import io.staysync.bookings.ImportOutcome;
import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.bookings.internal.BookingWrites.Written;
import io.staysync.common.DomainException;
import io.staysync.common.UnprocessableException;
import io.staysync.properties.PropertyCatalog;

/**
 * Applies channel records as idempotent upserts. The property's calendar is locked first,
 * then the booking is looked up by its {@link ChannelKey} (integration, listing for an
 * iCal UID, external id) under a row lock; a missing one is inserted with
 * {@code on conflict do nothing}, so two concurrent imports of one record end as one row
 * and one {@code UNCHANGED}, never as an error.
 */
@Service
class ChannelBookingImporter implements BookingImport {

	private static final Logger log = LoggerFactory.getLogger(ChannelBookingImporter.class);

	private static final int STORED_SCALE = 4;

	private final BookingRepository bookings;

	private final BookingWrites writes;

	private final BookingRules rules;

	private final PropertyCatalog properties;

	private final ImportedCancellations cancellations;

	private final ExportEchoes echoes;

	private final Clock clock;

	ChannelBookingImporter(BookingRepository bookings, BookingWrites writes, BookingRules rules,
			PropertyCatalog properties, ImportedCancellations cancellations, ExportEchoes echoes, Clock clock) {
		this.bookings = bookings;
		this.writes = writes;
		this.rules = rules;
		this.properties = properties;
		this.cancellations = cancellations;
		this.echoes = echoes;
		this.clock = clock;
	}

	/**
	 * Refusals ({@link DomainException}) happen before anything is written, so they do
	 * not doom the caller's transaction: a sync may skip one bad record and keep the
	 * others.
	 */
	@Override
	@Transactional(noRollbackFor = DomainException.class)
	public ImportOutcome apply(ChannelBooking record) {
		return apply(ImportBatch.single(bookings, writes, properties), record);
	}

	/**
	 * Each record as {@link #apply} does it, with the look-ups of an {@link ImportBatch}
	 * shared between them: a listing's bookings read once, each property checked and its
	 * calendar locked once. An unchanged record costs no write and publishes nothing.
	 */
	@Override
	@Transactional
	public List<Applied> applyAll(List<ChannelBooking> records) {
		ImportBatch batch = ImportBatch.shared(bookings, writes, properties);
		List<Applied> applied = new ArrayList<>(records.size());
		for (ChannelBooking record : records) {
			try {
				ImportOutcome outcome = apply(batch, record, applied.size(), applied);
				// a new booking's outcome is known once it is inserted with the others
				applied.add(outcome == null ? null : Applied.done(record, outcome));
			}
			catch (DomainException refused) {
				applied.add(Applied.refused(record, refused.getMessage()));
			}
		}
		insertPending(batch, applied);
		batch.announcements().end();
		return applied;
	}

	private ImportOutcome apply(ImportBatch batch, ChannelBooking record) {
		return apply(batch, record, 0, null);
	}

	/**
	 * @param position where the record's outcome goes in {@code applied}
	 * @param applied the outcomes of the batch so far, where those of new bookings
	 * inserted together are set; {@code null} for a batch that does not defer inserts
	 * @return {@code null} for a new booking waiting to be inserted with the others
	 */
	private ImportOutcome apply(ImportBatch batch, ChannelBooking record, int position, List<Applied> applied) {
		rules.checkImported(record);
		if (!batch.propertyExists(record.propertyId())) {
			throw new UnprocessableException("Property " + record.propertyId() + " does not exist.");
		}
		if (echoes.isEcho(record)) {
			return new ImportOutcome(null, Result.UNCHANGED, List.of(), 0);
		}
		ChannelBooking normalized = withStorableContact(withStorableAmount(record));
		batch.lock(normalized.propertyId());
		Instant now = clock.instant();
		ChannelKey key = normalized.key();
		if (batch.isPending(key)) {
			insertPending(batch, applied);
		}
		Booking existing = batch.lockedByKey(key, normalized.keyScope());
		if (existing == null) {
			if (normalized.status() == BookingStatus.CANCELLED) {
				return new ImportOutcome(null, Result.UNCHANGED, List.of(), 0);
			}
			if (batch.defersInserts()) {
				batch.pend(normalized, Booking.imported(normalized, now), position);
				return null;
			}
			Optional<Written> created = writes.createIfAbsent(Booking.imported(normalized, now));
			batch.inserted(key);
			if (created.isPresent()) {
				return new ImportOutcome(created.get().booking().id(), Result.CREATED, List.of(),
						created.get().conflictsOpened());
			}
			existing = bookings.findLockedByKey(key)
				.orElseThrow(() -> new IllegalStateException("Booking vanished after a conflicting insert"));
		}
		return update(batch, key, existing, normalized, now, applied);
	}

	/**
	 * Inserts the new bookings waiting in the batch together, and sets their outcomes;
	 * one whose key another writer stored meanwhile is updated instead, as {@link #apply}
	 * does.
	 */
	private void insertPending(ImportBatch batch, List<Applied> applied) {
		List<ImportBatch.Pending> pending = batch.takePending();
		if (pending.isEmpty()) {
			return;
		}
		List<Optional<Written>> created = writes
			.createAllIfAbsent(pending.stream().map(ImportBatch.Pending::booking).toList(), batch.announcements());
		for (int i = 0; i < pending.size(); i++) {
			ImportBatch.Pending one = pending.get(i);
			ImportOutcome outcome = created.get(i)
				.map(written -> new ImportOutcome(written.booking().id(), Result.CREATED, List.of(),
						written.conflictsOpened()))
				.orElseGet(() -> update(batch, one.record().key(), bookings.findLockedByKey(one.record().key())
					.orElseThrow(() -> new IllegalStateException("Booking vanished after a conflicting insert")),
						one.record(), clock.instant(), applied));
			applied.set(one.position(), Applied.done(one.record(), outcome));
		}
	}

	private ImportOutcome update(ImportBatch batch, ChannelKey key, Booking booking, ChannelBooking record, Instant now,
			List<Applied> applied) {
		LocalDate previousCheckIn = booking.checkIn();
		LocalDate previousCheckOut = booking.checkOut();
		UUID previousProperty = booking.propertyId();
		List<String> changes = booking.applyChannelState(record, now);
		if (changes.isEmpty()) {
			return new ImportOutcome(booking.id(), Result.UNCHANGED, List.of(), 0);
		}
		// what is written next must see the new bookings before it, as if inserted one by
		// one
		insertPending(batch, applied);
		Written updated = batch.announcements() == null
				? writes.update(booking, previousProperty, changes, previousCheckIn, previousCheckOut) : writes.update(
						booking, previousProperty, changes, previousCheckIn, previousCheckOut, batch.announcements());
		batch.stored(key, updated.booking());
		boolean cancelled = changes.contains("status") && updated.booking().status() == BookingStatus.CANCELLED;
		return new ImportOutcome(booking.id(), cancelled ? Result.CANCELLED : Result.UPDATED, changes,
				updated.conflictsOpened());
	}

	@Override
	@Transactional
	public ImportOutcome cancel(ChannelKey key) {
		return cancellations.cancel(bookings.readByKey(key).orElse(null));
	}

	/**
	 * Each booking is cancelled as {@link #cancel} does it, with its calendar locked and
	 * read again under the lock, so a concurrent import of the same key cannot be lost.
	 */
	@Override
	@Transactional
	public List<Cancellation> cancelOthers(UUID integrationId, String keyPrefix, Set<String> keep) {
		if (keyPrefix == null || keyPrefix.isEmpty()) {
			throw new IllegalArgumentException("A key prefix is needed: an empty one would cancel every booking");
		}
		String pattern = keyPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
		List<Cancellation> cancelled = new ArrayList<>();
		for (Booking booking : bookings.findActiveByKeyPattern(integrationId, ChannelKey.CHANNEL_WIDE, pattern)) {
			if (keep.contains(booking.externalId())) {
				continue;
			}
			ImportOutcome outcome = cancellations.cancel(booking);
			if (outcome.result() == Result.CANCELLED) {
				cancelled.add(new Cancellation(booking.externalId(), booking.externalListingId(), outcome));
			}
		}
		return cancelled;
	}

	/**
	 * The guest's e-mail address and phone number as they can be stored: trimmed, and
	 * dropped when they cannot be (too long, control characters, not an address): the
	 * booking matters more than how to reach its guest. The warning names the booking and
	 * the rule, never the value, which is personal data and may be crafted to forge a log
	 * line.
	 */
	private ChannelBooking withStorableContact(ChannelBooking record) {
		String email = GuestContact.trimmed(record.guestEmail());
		String emailProblem = GuestContact.emailProblem(email);
		if (emailProblem != null) {
			log.warn("Dropping the guest's e-mail address of channel booking {} of integration {}: it {}",
					record.externalId(), record.integrationId(), emailProblem);
			email = null;
		}
		String phone = GuestContact.trimmed(record.guestPhone());
		String phoneProblem = GuestContact.phoneProblem(phone);
		if (phoneProblem != null) {
			log.warn("Dropping the guest's phone number of channel booking {} of integration {}: it {}",
					record.externalId(), record.integrationId(), phoneProblem);
			phone = null;
		}
		return record.with(email, phone, record.totalAmount(), record.currency());
	}

	private ChannelBooking withStorableAmount(ChannelBooking record) {
		BigDecimal amount = record.totalAmount();
		String currency = record.currency();
		if (!rules.isStorableAmount(amount, currency)) {
			log.warn("Dropping the amount of channel booking {} of integration {}: it cannot be stored as reported",
					record.externalId(), record.integrationId());
			amount = null;
			currency = null;
		}
		else if (amount != null && amount.scale() > STORED_SCALE) {
			amount = amount.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
		}
		return record.with(record.guestEmail(), record.guestPhone(), amount, currency);
	}

}
