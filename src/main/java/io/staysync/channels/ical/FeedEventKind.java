package io.staysync.channels.ical;

/** What an event of a feed means for the property's nights. */
public enum FeedEventKind {

	/** A guest's stay. */
	RESERVATION,

	/** Nights closed for any other reason, or whose reason the feed does not say. */
	BLOCK,

	/**
	 * A hold that may still become a reservation (a Vrbo inquiry,
	 * {@code STATUS:TENTATIVE}).
	 */
	TENTATIVE

}
