package io.staysync.bookings.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.staysync.bookings.ChannelBooking;
import io.staysync.bookings.ChannelKey;
import io.staysync.bookings.KeyScope;
import io.staysync.properties.PropertyCatalog;

/**
 * What applying several channel records in one transaction needs to know only once: which
 * properties exist, which calendars this transaction has locked already (a lock is held
 * until the transaction ends, so taking it again changes nothing), and, for records keyed
 * per listing (iCal UIDs), the listing's bookings, read together under a row lock at the
 * first record of the listing instead of one query per record; and the new bookings of a
 * row of records, inserted together; its booking events, published together too
 * ({@link io.staysync.bookings.BookingsChanged}). A batch lives for one call in one
 * transaction and is never shared between threads.
 */
final class ImportBatch {

	private final BookingRepository bookings;

	private final BookingWrites writes;

	private final PropertyCatalog properties;

	private final boolean readsListings;

	private final Map<UUID, Boolean> existing = new HashMap<>();

	private final Set<UUID> locked = new HashSet<>();

	/** Per listing scope, the bookings stored under it, by external id. */
	private final Map<ScopeOf, Map<String, Booking>> listings = new HashMap<>();

	/**
	 * Keys inserted by this batch: their rows are read again if a record repeats them.
	 */
	private final Set<ChannelKey> inserted = new HashSet<>();

	private final Map<ChannelKey, Pending> pending = new LinkedHashMap<>();

	private final BatchAnnouncements announcements;

	private ImportBatch(BookingRepository bookings, BookingWrites writes, PropertyCatalog properties,
			boolean readsListings) {
		this.bookings = bookings;
		this.writes = writes;
		this.properties = properties;
		this.readsListings = readsListings;
		this.announcements = readsListings ? writes.batchAnnouncements() : null;
	}

	/**
	 * How the batch's booking events are published: together at the end, or {@code null}
	 * for a single record, whose event is published on its own.
	 */
	BatchAnnouncements announcements() {
		return announcements;
	}

	/** For one record: every look-up is the record's own. */
	static ImportBatch single(BookingRepository bookings, BookingWrites writes, PropertyCatalog properties) {
		return new ImportBatch(bookings, writes, properties, false);
	}

	/** For the records of a listing (or several): look-ups shared between them. */
	static ImportBatch shared(BookingRepository bookings, BookingWrites writes, PropertyCatalog properties) {
		return new ImportBatch(bookings, writes, properties, true);
	}

	boolean propertyExists(UUID propertyId) {
		return existing.computeIfAbsent(propertyId, id -> properties.find(id).isPresent());
	}

	/** Locks the property's calendar unless this batch has locked it already. */
	void lock(UUID propertyId) {
		if (locked.add(propertyId)) {
			writes.lock(propertyId);
		}
	}

	/**
	 * The booking stored under a key, locked until the transaction ends, or {@code null};
	 * call it with the record's calendar locked.
	 */
	Booking lockedByKey(ChannelKey key, KeyScope scope) {
		if (!readsListings || scope != KeyScope.LISTING || inserted.contains(key)) {
			return bookings.findLockedByKey(key).orElse(null);
		}
		return listing(key).get(key.externalId());
	}

	/** A booking inserted under its key by this batch. */
	void inserted(ChannelKey key) {
		inserted.add(key);
	}

	/**
	 * Whether new bookings wait to be inserted together ({@link #pend}) rather than one
	 * by one.
	 */
	boolean defersInserts() {
		return readsListings;
	}

	/**
	 * A new booking to insert with the others in a row of new bookings, at the latest
	 * before anything else of the transaction is written (so what is written next sees
	 * it) and when the batch ends.
	 * @param position where its outcome goes among the batch's
	 */
	void pend(ChannelBooking record, Booking booking, int position) {
		pending.put(record.key(), new Pending(record, booking, position));
	}

	/** Whether a booking of this key waits to be inserted. */
	boolean isPending(ChannelKey key) {
		return pending.containsKey(key);
	}

	/**
	 * The bookings waiting to be inserted, in the order they were applied; none after.
	 */
	List<Pending> takePending() {
		List<Pending> taken = List.copyOf(pending.values());
		pending.clear();
		taken.forEach(one -> inserted.add(one.record().key()));
		return taken;
	}

	/** A new booking waiting to be inserted, and where its outcome goes. */
	record Pending(ChannelBooking record, Booking booking, int position) {
	}

	/** A booking stored again: later records of the key see it as stored. */
	void stored(ChannelKey key, Booking booking) {
		Map<String, Booking> listing = listings.get(new ScopeOf(key.integrationId(), key.scope()));
		if (listing != null && !inserted.contains(key)) {
			listing.put(key.externalId(), booking);
		}
	}

	private Map<String, Booking> listing(ChannelKey key) {
		return listings.computeIfAbsent(new ScopeOf(key.integrationId(), key.scope()), scope -> {
			Map<String, Booking> byId = new HashMap<>();
			for (Booking booking : bookings.findByIntegrationIdAndExternalScope(scope.integrationId(), scope.scope())) {
				byId.put(booking.externalId(), booking);
			}
			return byId;
		});
	}

	private record ScopeOf(UUID integrationId, String scope) {
	}

}
