package io.staysync.integrations;

import java.util.Optional;

/**
 * How often an integration syncs: from every minute to once a day. The one home of that
 * rule; the API, the console's configure dialog and the stored integration all ask it.
 */
public record SyncInterval(int minutes) {

	public static final int MIN_MINUTES = 1;

	public static final int MAX_MINUTES = 1440;

	/** An iCal feed's interval until a manager sets one. */
	public static final int DEFAULT_MINUTES = 15;

	public SyncInterval {
		problem(minutes).ifPresent(problem -> {
			throw new IllegalArgumentException("A sync interval of " + minutes + " minutes " + problem);
		});
	}

	/**
	 * @return what is wrong with these minutes as an interval, in words for the field;
	 * empty when nothing is
	 */
	public static Optional<String> problem(int minutes) {
		if (minutes < MIN_MINUTES) {
			return Optional.of("must be at least 1 minute");
		}
		if (minutes > MAX_MINUTES) {
			return Optional.of("must be at most 1440 minutes (24 hours)");
		}
		return Optional.empty();
	}

}
