package io.staysync.channels.ical;

/**
 * A calendar beyond what Staysync reads from one feed (too many events or stays): the
 * whole feed is refused with the sentence to show, and nothing of it is applied.
 */
class FeedOverLimitException extends RuntimeException {

	FeedOverLimitException(String problem) {
		super(problem, null, false, false);
	}

}
