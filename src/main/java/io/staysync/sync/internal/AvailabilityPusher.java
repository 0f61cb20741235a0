package io.staysync.sync.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingExport;
import io.staysync.bookings.ExportedStay;
import io.staysync.channels.AvailabilityPush;
import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelCredentials;
import io.staysync.channels.ChannelListing;
import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.security.vault.VaultException;
import io.staysync.sync.internal.AvailabilityPushes.PendingPush;

/**
 * Drains the availability outbox (run by a db-scheduler recurring task, so by one
 * instance of a cluster at a time): pushes each due row's window to every listing of the
 * property on that integration, deletes the row once pushed, and otherwise retries with
 * full-jitter exponential backoff (or the channel's Retry-After) until the last attempt,
 * after which the row stays, marked as given up, and the log says so.
 */
@Component
class AvailabilityPusher {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityPusher.class);

	static final int BATCH = 100;

	private final AvailabilityPushes pushes;

	private final ChannelAccounts accounts;

	private final ChannelConnectors connectors;

	private final BookingExport bookings;

	private final Duration retryBase;

	private final Duration retryCap;

	private final int maxAttempts;

	AvailabilityPusher(AvailabilityPushes pushes, ChannelAccounts accounts, ChannelConnectors connectors,
			BookingExport bookings, AvailabilitySettings settings) {
		this.pushes = pushes;
		this.accounts = accounts;
		this.connectors = connectors;
		this.bookings = bookings;
		this.retryBase = settings.retryBase();
		this.retryCap = settings.retryCap();
		this.maxAttempts = settings.maxAttempts();
	}

	/**
	 * @return how many rows were handled
	 */
	int drain() {
		List<PendingPush> due = pushes.due(BATCH);
		for (PendingPush push : due) {
			try {
				push(push);
			}
			catch (RuntimeException unexpected) {
				log.error("Pushing availability of property {} to integration {} failed unexpectedly",
						push.propertyId(), push.integrationId(), unexpected);
				retryOrGiveUp(push, "The push failed unexpectedly (" + unexpected.getClass().getSimpleName()
						+ "); see the server log.", null);
			}
		}
		return due.size();
	}

	private void push(PendingPush push) {
		Optional<ChannelAccount> account = accounts.find(push.integrationId())
			.filter(AvailabilityOutbox::pushesAvailability);
		Optional<ChannelConnector> connector = account.flatMap(found -> connectors.find(found.type(), found.mode()));
		if (connector.isEmpty()) {
			log.debug("Nothing pushes availability to integration {} (inactive, not in API mode, or no connector yet)",
					push.integrationId());
			pushes.done(push);
			return;
		}
		ChannelCredentials credentials;
		try {
			credentials = accounts.credentials(push.integrationId());
		}
		catch (VaultException unreadable) {
			retryOrGiveUp(push, "The stored credentials cannot be decrypted; enter them again.", null);
			return;
		}
		List<ChannelListing> listings = credentials.listings()
			.stream()
			.filter(listing -> push.propertyId().equals(listing.propertyId()))
			.toList();
		LocalDate from = latest(push.from(), LocalDate.now(ZoneOffset.UTC).minusDays(1));
		if (listings.isEmpty() || !from.isBefore(push.to())) {
			pushes.done(push);
			return;
		}
		AvailabilityWindow window = window(push, from);
		for (ChannelListing listing : listings) {
			AvailabilityPush answer = connector.get().pushAvailability(credentials, listing, window);
			if (answer.outcome() == AvailabilityPush.Outcome.FAILED) {
				retryOrGiveUp(push, listing.externalListingId() + ": " + answer.problem(), answer.retryAfter());
				return;
			}
			if (answer.outcome() == AvailabilityPush.Outcome.NOT_SUPPORTED) {
				log.info("Availability of property {} not pushed to {}: {}", push.propertyId(),
						credentials.type().path(), answer.problem());
				break;
			}
		}
		pushes.done(push);
		log.debug("Pushed availability of property {} to {}, {} to {} ({} changes)", push.propertyId(),
				credentials.type().path(), window.from(), window.to(), push.changes());
	}

	private AvailabilityWindow window(PendingPush push, LocalDate from) {
		SortedSet<LocalDate> closed = new TreeSet<>();
		for (ExportedStay stay : bookings.stays(push.propertyId(), from, push.to())) {
			for (LocalDate night = latest(stay.checkIn(), from); night.isBefore(stay.checkOut())
					&& night.isBefore(push.to()); night = night.plusDays(1)) {
				closed.add(night);
			}
		}
		return new AvailabilityWindow(push.propertyId(), from, push.to(), closed);
	}

	private void retryOrGiveUp(PendingPush push, String error, Duration retryAfter) {
		int attempt = push.attempts() + 1;
		boolean giveUp = attempt >= maxAttempts;
		pushes.failed(push, error, pushes.now().plus(giveUp ? Duration.ZERO : backoff(attempt, retryAfter)), giveUp);
		if (giveUp) {
			log.warn(
					"Gave up pushing availability of property {} to integration {} after {} attempts; last error: {}."
							+ " It is tried again on the property's next booking change.",
					push.propertyId(), push.integrationId(), attempt, error);
		}
		else {
			log.info("Pushing availability of property {} to integration {} failed (attempt {} of {}): {}",
					push.propertyId(), push.integrationId(), attempt, maxAttempts, error);
		}
	}

	/**
	 * Full jitter: a random wait up to base × 2^(attempt−1), capped; the channel's
	 * Retry-After wins.
	 */
	Duration backoff(int attempt, Duration retryAfter) {
		if (retryAfter != null && !retryAfter.isNegative()) {
			return retryAfter.compareTo(retryCap) > 0 ? retryCap : retryAfter;
		}
		long ceiling = Math.min(retryCap.toMillis(), retryBase.toMillis() << Math.min(attempt - 1, 20));
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
	}

	private static LocalDate latest(LocalDate date, LocalDate other) {
		return date.isAfter(other) ? date : other;
	}

}
